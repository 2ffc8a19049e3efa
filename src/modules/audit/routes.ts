import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePermission } from '../../lib/access.ts';
import { AUDIT_ACTIONS, writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { decodeCursor, Instant, ListQuery, page, problems, toPage, Uuid } from '../../lib/http/schemas.ts';

const AuditEventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  occurredAt: Type.String({ format: 'date-time' }),
  action: Type.Enum(AUDIT_ACTIONS),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorApiKeyId: Type.Union([Type.String(), Type.Null()]),
  recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  patientId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean({ description: 'Whether the row is already in the hash chain' }),
});

const AuditQuery = Type.Object({
  action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
  actorUserId: Type.Optional(Uuid),
  recordType: Type.Optional(Type.String({ maxLength: 50 })),
  recordId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  ...ListQuery,
});

/** The privacy officer's view of the trail: newest first. Reading it is itself audited. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events of my organization, newest first',
        querystring: AuditQuery,
        response: { 200: page(AuditEventSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      requirePermission(ctx.actor, 'audit:read');
      const query = request.query;
      const limit = query.limit ?? 50;
      let select = app.db
        .selectFrom('auditEvents')
        .leftJoin('users', 'users.id', 'auditEvents.actorUserId')
        .selectAll('auditEvents')
        .select('users.displayName as actorName')
        .where('auditEvents.organizationId', '=', ctx.actor.organizationId);
      if (query.action) select = select.where('auditEvents.action', '=', query.action);
      if (query.actorUserId) select = select.where('auditEvents.actorUserId', '=', query.actorUserId);
      if (query.recordType) select = select.where('auditEvents.recordType', '=', query.recordType);
      if (query.recordId) select = select.where('auditEvents.recordId', '=', query.recordId);
      if (query.patientId) select = select.where('auditEvents.patientId', '=', query.patientId);
      if (query.from) select = select.where('auditEvents.occurredAt', '>=', new Date(query.from));
      if (query.to) select = select.where('auditEvents.occurredAt', '<', new Date(query.to));
      // seq, not occurred_at: exact (no microseconds lost in a cursor) and in insertion order.
      const after = decodeCursor(query.cursor, ['number']);
      if (after) select = select.where('auditEvents.seq', '<', Number(after[0]));
      const rows = await select
        .orderBy('auditEvents.seq', 'desc')
        .limit(limit + 1)
        .execute();
      await writeAudit(app.db, actorMeta(ctx), {
        action: 'read',
        recordType: 'audit-log',
        details: { filters: Object.keys(query).filter((key) => key !== 'limit' && key !== 'cursor') },
      });
      const result = toPage(rows, limit, (row) => [row.seq]);
      return {
        items: result.items.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          action: row.action,
          actorUserId: row.actorUserId,
          actorName: row.actorName,
          actorApiKeyId: row.actorApiKeyId,
          recordType: row.recordType,
          recordId: row.recordId,
          patientId: row.patientId,
          requestId: row.requestId,
          ip: row.ip,
          userAgent: row.userAgent,
          details: row.details,
          sealed: row.hash !== null,
        })),
        nextCursor: result.nextCursor,
      };
    },
  );
};
