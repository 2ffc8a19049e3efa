import { sql } from 'kysely';
import type { Static } from 'typebox';
import { requirePermission } from '../../lib/access.ts';
import { actorMeta, writeAudit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { decodeCursor, toPage } from '../../lib/http/schemas.ts';
import type { AuditEventSchema, AuditQuery } from './schemas.ts';

/** The privacy officer's view of the trail: newest first. Reading it is itself audited. */
export async function listAuditEvents(db: Database, ctx: RequestContext, query: AuditQuery) {
  requirePermission(ctx.actor, 'audit:read');
  const limit = query.limit ?? 50;
  let select = db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorUserId')
    // Names instead of bare ids, for the privacy officer reading the trail (the read is audited below).
    .leftJoin('patients as pt', 'pt.id', 'auditEvents.patientId')
    .leftJoin('users as ru', (join) => join.onRef('ru.id', '=', 'auditEvents.recordId').on('auditEvents.recordType', '=', 'user'))
    .leftJoin('programs as rp', (join) => join.onRef('rp.id', '=', 'auditEvents.recordId').on('auditEvents.recordType', '=', 'program'))
    .selectAll('auditEvents')
    .select([
      'users.displayName as actorName',
      sql<
        string | null
      >`CASE WHEN pt.id IS NULL THEN NULL ELSE coalesce(nullif(pt.preferred_name, ''), pt.legal_first_name) || ' ' || pt.legal_last_name END`.as(
        'patientName',
      ),
      sql<string | null>`coalesce(ru.display_name, rp.name)`.as('recordName'),
    ])
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
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'audit-log',
    details: { filters: Object.keys(query).filter((key) => key !== 'limit' && key !== 'cursor') },
  });
  const result = toPage(rows, limit, (row) => [row.seq]);
  return {
    items: result.items.map((row): Static<typeof AuditEventSchema> => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      action: row.action,
      actorUserId: row.actorUserId,
      actorName: row.actorName,
      actorApiKeyId: row.actorApiKeyId,
      recordType: row.recordType,
      recordId: row.recordId,
      recordName: row.recordName,
      patientId: row.patientId,
      patientName: row.patientName,
      requestId: row.requestId,
      ip: row.ip,
      userAgent: row.userAgent,
      details: row.details,
      sealed: row.hash !== null,
    })),
    nextCursor: result.nextCursor,
  };
}
