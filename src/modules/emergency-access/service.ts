import { sql, type SqlBool } from 'kysely';
import { CLINICAL_ROLES } from '../../codes.ts';
import { requirePermission } from '../../lib/access.ts';
import { actorMeta, withAudit, writeAudit, type Executor } from '../../lib/audit/audit.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { AuditedRefusal, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { toCsv } from '../../lib/http/csv.ts';
import { decodeCursor, toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import { capped } from '../audit/exports.ts';
import { canSeePatient, patientVisibleTo } from '../patients/access.ts';
import { checkCurrentCredentials } from '../session/mfa.ts';
import type { EmergencyAccessReviewStatus, EmergencyAccessState } from './codes.ts';
import type { EmergencyAccessGrantRow } from './tables.ts';
import type { BreakGlassBody, ExportQuery, LookupBody, QueueQuery, ReviewBody } from './schemas.ts';

const RECORD_TYPE = 'emergency-access';
/** At most this many people answer a lookup: enough for namesakes born the same day, too few to browse. */
const LOOKUP_LIMIT = 10;
/** The reads listed on one event's review (the count is exact; the list stops here). */
const READS_LIMIT = 500;
/** At most this many events in one export; beyond it the answer says so (X-Export-Truncated), as every export does (audit/exports.ts). */
const EXPORT_LIMIT = 10_000;

/** Only people who serve patients break the glass; admins and privacy officers never read charts. */
function requireClinical(ctx: RequestContext): void {
  if (!ctx.actor.roles.some((role) => (CLINICAL_ROLES as readonly string[]).includes(role)))
    throw forbidden('clinical-role-required', 'Only staff who serve patients may use emergency access.');
  // The routes are cookie-only; this is the same rule said again where it matters.
  if (ctx.actor.sessionId === null) throw forbidden('api-key-not-allowed', 'Emergency access is for a person signed in, not an API key.');
}

/** A grant in force: not ended early and not run out, by the database's clock. */
const activeGrant = (g: string) => sql<SqlBool>`(${sql.ref(`${g}.ended_at`)} IS NULL AND ${sql.ref(`${g}.expires_at`)} > now())`;

const stateOf = (g: string) =>
  sql<EmergencyAccessState>`CASE WHEN ${sql.ref(`${g}.ended_at`)} IS NOT NULL THEN 'ended'
    WHEN ${sql.ref(`${g}.expires_at`)} > now() THEN 'active' ELSE 'expired' END`;

const patientName = (p: string) =>
  sql<string>`coalesce(nullif(${sql.ref(`${p}.preferred_name`)}, ''), ${sql.ref(`${p}.legal_first_name`)}) || ' ' || ${sql.ref(`${p}.legal_last_name`)}`;

/** Finds a patient by exact birth date and last name (case and accents ignored) when search, limited to visible patients, shows nothing. */
export async function lookupPatients(db: Database, ctx: RequestContext, input: LookupBody) {
  requireClinical(ctx);
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await tx
      .selectFrom('patients as p')
      .select(['p.id', 'p.dateOfBirth', patientName('p').as('name'), patientVisibleTo(ctx.actor).as('visible')])
      .where('p.organizationId', '=', ctx.actor.organizationId)
      .where('p.deletedAt', 'is', null)
      .where('p.mergedIntoId', 'is', null)
      .where('p.dateOfBirth', '=', input.birthDate)
      .where(sql<SqlBool>`bw_fold(p.legal_last_name) = bw_fold(${input.lastName.trim()})`)
      .orderBy('p.legalLastName')
      .orderBy('p.legalFirstName')
      .orderBy('p.id')
      .limit(LOOKUP_LIMIT)
      .execute();
    await audit({ action: 'read', recordType: 'emergency-access-lookup', details: { shown: rows.map((row) => row.id) } });
    return rows.map((row) => ({ id: row.id, name: row.name, dateOfBirth: row.dateOfBirth, visible: row.visible }));
  });
}

async function ownGrant(executor: Executor, id: string) {
  const row = await executor
    .selectFrom('emergencyAccessGrants as g')
    .innerJoin('patients as p', 'p.id', 'g.patientId')
    .select([
      'g.id',
      'g.patientId',
      'g.startedAt',
      'g.expiresAt',
      'g.endedAt',
      stateOf('g').as('state'),
      patientName('p').as('patientName'),
    ])
    .where('g.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: row.patientName,
    startedAt: row.startedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    state: row.state,
  };
}

/**
 * Breaks the glass: a clinician of the patient's organization who may not see the chart states
 * why and enters their password again (checked and counted like a sign-in; a wrong one is
 * audited as a denial). The grant lasts the organization's emergency_access_hours.
 */
export async function breakGlass(db: Database, secrets: SecretBox, ctx: RequestContext, patientId: string, input: BreakGlassBody) {
  requireClinical(ctx);
  const meta = actorMeta(ctx);
  const patient = await db
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('deletedAt', 'is', null)
    .where('mergedIntoId', 'is', null)
    .executeTakeFirst();
  if (!patient) {
    await writeAudit(db, meta, {
      action: 'access-denied',
      recordType: 'patient',
      recordId: patientId,
      details: { emergencyAccess: 'no-such-patient' },
    });
    throw notFound();
  }
  if (await canSeePatient(db, ctx.actor, patientId))
    throw conflict('already-has-access', 'You may already open this chart: emergency access is not needed.');
  const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (user.email === null) throw forbidden('api-key-not-allowed', 'Emergency access is for a person signed in, not an API key.');
  try {
    await checkCurrentCredentials(
      db,
      secrets,
      ctx,
      { ...user, email: user.email },
      { currentPassword: input.currentPassword },
      { factor: false },
    );
  } catch (error) {
    await writeAudit(db, meta, {
      action: 'access-denied',
      recordType: RECORD_TYPE,
      patientId,
      details: { emergencyAccess: 'password-refused' },
    });
    throw error;
  }
  return withAudit(db, ctx, async (tx, audit) => {
    const organization = await tx
      .selectFrom('organizations')
      .select('emergencyAccessHours')
      .where('id', '=', ctx.actor.organizationId)
      .executeTakeFirstOrThrow();
    const id = newId();
    await tx
      .insertInto('emergencyAccessGrants')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId,
        userId: ctx.actor.userId,
        reason: input.reason.trim(),
        expiresAt: sql<Date>`date_trunc('milliseconds', now()) + make_interval(hours => ${organization.emergencyAccessHours}::int)`,
      })
      .execute();
    // A restriction that names this person as excluded (a relative's chart) stays shut even to
    // emergency access (docs/restrictions.md): refuse, and keep no grant that opens nothing.
    if (!(await canSeePatient(tx, ctx.actor, patientId)))
      throw new AuditedRefusal(
        forbidden('excluded-from-record', 'A restriction on this record names you: emergency access cannot open it. Ask a colleague.'),
        [{ action: 'access-denied', recordType: RECORD_TYPE, patientId, details: { emergencyAccess: 'excluded-by-restriction' } }],
      );
    await audit({
      action: 'create',
      recordType: RECORD_TYPE,
      recordId: id,
      patientId,
      details: { hours: organization.emergencyAccessHours },
    });
    return ownGrant(tx, id);
  });
}

/** Ends one's own grant before it runs out (at once; ending an ended grant changes nothing). */
export async function endGrant(db: Database, ctx: RequestContext, id: string) {
  return withAudit(db, ctx, async (tx, audit) => {
    const row = await tx
      .selectFrom('emergencyAccessGrants as g')
      .select(['g.id', 'g.patientId', activeGrant('g').as('active')])
      .where('g.id', '=', id)
      .where('g.userId', '=', ctx.actor.userId)
      .where('g.organizationId', '=', ctx.actor.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.active) {
      await tx
        .updateTable('emergencyAccessGrants')
        .set({ endedAt: sql<Date>`now()`, ...nextVersion() })
        .where('id', '=', id)
        .execute();
    }
    await audit({
      action: 'update',
      recordType: RECORD_TYPE,
      recordId: id,
      patientId: row.patientId,
      details: { change: row.active ? 'ended' : 'unchanged' },
    });
    return ownGrant(tx, id);
  });
}

/** One's own grants in force, soonest to run out first. */
export async function myGrants(db: Database, ctx: RequestContext) {
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await tx
      .selectFrom('emergencyAccessGrants as g')
      .select('g.id')
      .where('g.userId', '=', ctx.actor.userId)
      .where('g.organizationId', '=', ctx.actor.organizationId)
      .where(activeGrant('g'))
      .orderBy('g.expiresAt')
      .execute();
    await audit({ action: 'read', recordType: RECORD_TYPE, details: { mine: rows.map((row) => row.id) } });
    return Promise.all(rows.map((row) => ownGrant(tx, row.id)));
  });
}

/** The patient overview's part: the reader's own grant in force for this patient, for the banner. */
export async function emergencyAccessOverview(executor: Executor, ctx: RequestContext, patientId: string) {
  const row = await executor
    .selectFrom('emergencyAccessGrants as g')
    .select(['g.id', 'g.expiresAt'])
    .where('g.userId', '=', ctx.actor.userId)
    .where('g.patientId', '=', patientId)
    .where(activeGrant('g'))
    .orderBy('g.expiresAt', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, expiresAt: row.expiresAt.toISOString() } : null;
}

/** The same on the episode screen: one reaches an episode from the chart, and the banner must follow. */
export async function emergencyAccessEpisode(executor: Executor, ctx: RequestContext, episodeId: string) {
  const episode = await executor.selectFrom('episodes').select('patientId').where('id', '=', episodeId).executeTakeFirstOrThrow();
  return emergencyAccessOverview(executor, ctx, episode.patientId);
}

// The privacy officer's review ------------------------------------------------------------------

function grantsQuery(executor: Executor, ctx: RequestContext) {
  return executor
    .selectFrom('emergencyAccessGrants as g')
    .innerJoin('users as u', 'u.id', 'g.userId')
    .innerJoin('patients as p', 'p.id', 'g.patientId')
    .leftJoin('users as r', 'r.id', 'g.reviewedBy')
    .selectAll('g')
    .select([
      'u.displayName as userName',
      patientName('p').as('patientName'),
      'r.displayName as reviewerName',
      stateOf('g').as('state'),
      sql<number>`(SELECT count(*)::int FROM audit_events a
         WHERE a.details ? 'emergencyAccessId' AND a.details ->> 'emergencyAccessId' = g.id::text)`.as('markedReads'),
    ])
    .where('g.organizationId', '=', ctx.actor.organizationId);
}

/** A grant as the queue reads it: with the names, its state and how many audit rows it marked. */
type GrantRow = EmergencyAccessGrantRow & {
  userName: string;
  patientName: string;
  reviewerName: string | null;
  state: EmergencyAccessState;
  markedReads: number;
};

function presentGrant(row: GrantRow) {
  return {
    id: row.id,
    user: { id: row.userId, name: row.userName },
    patient: { id: row.patientId, name: row.patientName },
    reason: row.reason,
    startedAt: row.startedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    state: row.state,
    markedReads: row.markedReads,
    review:
      row.reviewedAt && row.reviewedBy && row.finding
        ? {
            reviewedAt: row.reviewedAt.toISOString(),
            reviewedBy: { id: row.reviewedBy, name: row.reviewerName ?? '' },
            finding: row.finding,
            note: row.reviewNote,
          }
        : null,
    version: row.version,
  };
}

function byStatus(status: EmergencyAccessReviewStatus | undefined, executor: Executor, ctx: RequestContext) {
  const query = grantsQuery(executor, ctx);
  if (status === 'awaiting-review') return query.where('g.reviewedAt', 'is', null);
  if (status === 'reviewed') return query.where('g.reviewedAt', 'is not', null);
  return query;
}

/**
 * The queue: events awaiting review oldest first (the longest waiting on top), or those
 * reviewed, the latest review first. Keyset paging; reading it is audited with the ids shown.
 */
/** How many events wait for the privacy officer's review (their landing page). */
export async function grantsSummary(db: Database, ctx: RequestContext) {
  requirePermission(ctx.actor, 'emergency-access:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const awaiting = await tx
      .selectFrom('emergencyAccessGrants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('reviewedAt', 'is', null)
      .executeTakeFirstOrThrow();
    await audit({ action: 'read', recordType: 'emergency-access-summary' });
    return { awaitingReview: Number(awaiting.n) };
  });
}

/** One page of the queue, one row more than `limit` (npm run bench runs it raw beside the API). */
export function grantsPageQuery(executor: Executor, ctx: RequestContext, query: QueueQuery, limit: number) {
  const status = query.status ?? 'awaiting-review';
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  let select = byStatus(status, executor, ctx);
  if (status === 'awaiting-review') {
    if (after) select = select.where(sql<SqlBool>`(g.started_at, g.id) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
    select = select.orderBy('g.startedAt').orderBy('g.id');
  } else {
    if (after) select = select.where(sql<SqlBool>`(g.reviewed_at, g.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
    select = select.orderBy('g.reviewedAt', 'desc').orderBy('g.id', 'desc');
  }
  return select.limit(limit + 1);
}

export async function listGrants(db: Database, ctx: RequestContext, query: QueueQuery) {
  requirePermission(ctx.actor, 'emergency-access:review');
  const status = query.status ?? 'awaiting-review';
  const limit = query.limit ?? 50;
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await grantsPageQuery(tx, ctx, query, limit).execute();
    const result = toPage(rows, limit, (row) => [
      (status === 'awaiting-review' ? row.startedAt : (row.reviewedAt ?? row.startedAt)).toISOString(),
      row.id,
    ]);
    await audit({ action: 'read', recordType: RECORD_TYPE, details: { status, shown: result.items.map((row) => row.id) } });
    return { items: result.items.map(presentGrant), nextCursor: result.nextCursor };
  });
}

/** One event with what was read under it (the marked audit rows), for its review. */
export async function getGrant(db: Database, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'emergency-access:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const row = await grantsQuery(tx, ctx).where('g.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const reads = await tx
      .selectFrom('auditEvents as a')
      .select(['a.occurredAt', 'a.action', 'a.recordType', 'a.recordId', 'a.requestId'])
      .where(sql<SqlBool>`a.details ? 'emergencyAccessId'`)
      .where(sql<SqlBool>`a.details ->> 'emergencyAccessId' = ${id}`)
      .orderBy('a.seq')
      .limit(READS_LIMIT)
      .execute();
    await audit({ action: 'read', recordType: RECORD_TYPE, recordId: id, patientId: row.patientId });
    return {
      ...presentGrant(row),
      reads: reads.map((read) => ({ ...read, occurredAt: read.occurredAt.toISOString() })),
    };
  });
}

/** Marks an event reviewed with a finding (and a note); a stale version answers 409. */
export async function reviewGrant(db: Database, ctx: RequestContext, id: string, version: number, input: ReviewBody) {
  requirePermission(ctx.actor, 'emergency-access:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const current = checkVersion(
      await tx
        .selectFrom('emergencyAccessGrants')
        .select(['id', 'patientId', 'version', 'reviewedAt'])
        .where('id', '=', id)
        .where('organizationId', '=', ctx.actor.organizationId)
        .forUpdate()
        .executeTakeFirst(),
      version,
    );
    const note = input.note?.trim() ?? '';
    await tx
      .updateTable('emergencyAccessGrants')
      .set({
        reviewedAt: sql<Date>`date_trunc('milliseconds', now())`,
        reviewedBy: ctx.actor.userId,
        finding: input.finding,
        reviewNote: note === '' ? null : note,
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'update',
      recordType: RECORD_TYPE,
      recordId: id,
      patientId: current.patientId,
      details: { change: current.reviewedAt ? 're-reviewed' : 'reviewed', finding: input.finding },
    });
    return presentGrant(await grantsQuery(tx, ctx).where('g.id', '=', id).executeTakeFirstOrThrow());
  });
}

const EXPORT_HEADER = [
  'event_id',
  'started_at',
  'expires_at',
  'ended_at',
  'state',
  'user_id',
  'user_name',
  'patient_id',
  'patient_name',
  'reason',
  'marked_reads',
  'reviewed_at',
  'reviewed_by',
  'finding',
  'review_note',
] as const;

/** The queue as CSV (all, or one status), oldest first; the export itself is audited as such. */
export async function exportGrants(
  db: Database,
  ctx: RequestContext,
  query: ExportQuery,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  requirePermission(ctx.actor, 'emergency-access:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const { rows, truncated } = await capped(byStatus(query.status, tx, ctx).orderBy('g.startedAt').orderBy('g.id'), EXPORT_LIMIT);
    await audit({
      action: 'export',
      recordType: RECORD_TYPE,
      details: { format: 'csv', status: query.status ?? 'all', count: rows.length, truncated, ids: rows.map((row) => row.id) },
    });
    const csv = toCsv(
      EXPORT_HEADER,
      rows.map((row) => [
        row.id,
        row.startedAt,
        row.expiresAt,
        row.endedAt,
        row.state,
        row.userId,
        row.userName,
        row.patientId,
        row.patientName,
        row.reason,
        row.markedReads,
        row.reviewedAt,
        row.reviewerName,
        row.finding,
        row.reviewNote,
      ]),
    );
    return { csv, rows: rows.length, truncated };
  });
}
