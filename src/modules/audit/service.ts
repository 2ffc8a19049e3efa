import { sql } from 'kysely';
import type { Static } from 'typebox';
import { requirePermission } from '../../lib/access.ts';
import { actorMeta, withAudit, writeAudit, type Executor } from '../../lib/audit/audit.ts';
import { toCsv } from '../../lib/http/csv.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { decodeCursor, toPage } from '../../lib/http/schemas.ts';
import { auditExport, capped, filterNames } from './exports.ts';
import type { AuditEventSchema, AuditFilters, AuditQuery, PatientLookupQuery } from './schemas.ts';

/** The trail of the actor's organization, with names for ids, filtered; newest first (by seq). */
function auditSelect(executor: Executor, ctx: RequestContext, query: AuditFilters) {
  let select = executor
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorUserId')
    // Names instead of bare ids, for the privacy officer reading the trail (the read is audited).
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
  return select.orderBy('auditEvents.seq', 'desc');
}

/** One page of the trail, one row more than `limit` (npm run bench runs it raw beside the API). */
export function auditPageQuery(executor: Executor, ctx: RequestContext, query: AuditQuery, limit: number) {
  let select = auditSelect(executor, ctx, query);
  const after = decodeCursor(query.cursor, ['number']);
  if (after) select = select.where('auditEvents.seq', '<', Number(after[0]));
  return select.limit(limit + 1);
}

/** The privacy officer's view of the trail: newest first. Reading it is itself audited. */
export async function listAuditEvents(db: Database, ctx: RequestContext, query: AuditQuery) {
  requirePermission(ctx.actor, 'audit:read');
  const limit = query.limit ?? 50;
  const rows = await auditPageQuery(db, ctx, query, limit).execute();
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'audit-log',
    details: { filters: filterNames(query) },
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

const EXPORT_HEADER = [
  'occurred_at',
  'action',
  'who',
  'who_id',
  'api_key_id',
  'record_type',
  'record_id',
  'record_name',
  'patient',
  'patient_id',
  'details',
  'ip',
  'request_id',
  'event_id',
];

/**
 * The trail with the same filters as a CSV file, newest first, at most EXPORT_ROW_CAP rows.
 * The export is itself one audit row (action `export`, the filter names and the row count),
 * written in the same transaction as the read.
 */
export async function exportAuditEvents(db: Database, ctx: RequestContext, query: AuditFilters) {
  requirePermission(ctx.actor, 'audit:read');
  return withAudit(db, ctx, async (tx, audit) => {
    const { rows: shown, truncated } = await capped(auditSelect(tx, ctx, query));
    await auditExport(audit, 'audit-log', query, shown.length, truncated);
    const csv = toCsv(
      EXPORT_HEADER,
      shown.map((row) => [
        row.occurredAt,
        row.action,
        row.actorName,
        row.actorUserId,
        row.actorApiKeyId,
        row.recordType,
        row.recordId,
        row.recordName,
        row.patientName,
        row.patientId,
        JSON.stringify(row.details),
        row.ip,
        row.requestId,
        row.id,
      ]),
    );
    return { csv, rows: shown.length, truncated };
  });
}

/**
 * Staff of the organization by name, for the audit search's "staff member" filter: id, name
 * and whether the account is active, nothing else (the privacy officer does not hold
 * `staff:read`; this is the least the filter needs). Integration accounts are listed too: they
 * act in the trail.
 */
export async function auditStaffNames(db: Database, ctx: RequestContext) {
  requirePermission(ctx.actor, 'audit:read');
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName', 'status'])
    .where('organizationId', '=', ctx.actor.organizationId)
    .orderBy('displayName')
    .orderBy('id')
    .limit(2000)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.displayName, active: row.status !== 'deactivated' }));
}

/**
 * A names-only patient lookup for the audit search (the privacy officer may not search charts):
 * up to 20 patients of the organization whose name contains the text, merged and removed
 * records included (the trail still names them). Audited as a read, with the number of matches
 * and never the text typed.
 */
export async function auditPatientLookup(db: Database, ctx: RequestContext, query: PatientLookupQuery) {
  requirePermission(ctx.actor, 'audit:read');
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await tx
      .selectFrom('patients as p')
      .select([
        'p.id',
        sql<string>`coalesce(nullif(p.preferred_name, ''), p.legal_first_name) || ' ' || p.legal_last_name`.as('name'),
        sql<string>`p.legal_first_name || ' ' || p.legal_last_name`.as('legalName'),
      ])
      .where('p.organizationId', '=', ctx.actor.organizationId)
      .where(sql<boolean>`p.search_name LIKE '%' || bw_fold(${query.name}) || '%'`)
      .orderBy('p.legalLastName')
      .orderBy('p.legalFirstName')
      .orderBy('p.id')
      .limit(20)
      .execute();
    await audit({ action: 'read', recordType: 'patient-lookup', details: { purpose: 'audit-search', matches: rows.length } });
    return rows;
  });
}
