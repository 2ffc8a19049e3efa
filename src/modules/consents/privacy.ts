import { sql } from 'kysely';
import { requirePermission } from '../../lib/access.ts';
import { withAudit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { addDays, daysBetween, startOfDayInZone } from '../../lib/dates.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { badRequest, fieldProblem, notFound } from '../../lib/errors.ts';
import { toCsv } from '../../lib/http/csv.ts';
import { decodeCursor, encodeCursor } from '../../lib/http/schemas.ts';
import { auditExport, capped, filterNames } from '../audit/exports.ts';
import { todayOf } from '../patients/access.ts';
import type { ReviewStatus } from './codes.ts';
import { presentDisclosure } from './presenter.ts';
import type { DisclosureLogQuery, ReviewBody } from './schemas.ts';

/**
 * The privacy officer's org-wide views of consents and disclosures (docs/privacy-office.md):
 * permission `disclosures:review`, never the chart. Each read writes one audit row with the
 * ids it showed; each export one `export` row with the filter names and the row count.
 */

const patientName = sql<string>`p.legal_first_name || ' ' || p.legal_last_name`;

// ---------------------------------------------------------------- emergency disclosures (§ 2.51)

function emergencySelect(executor: Executor, ctx: RequestContext, status: ReviewStatus) {
  let select = executor
    .selectFrom('disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.disclosedBy')
    .innerJoin('patients as p', 'p.id', 'd.patientId')
    .leftJoin('users as r', 'r.id', 'd.reviewedBy')
    .selectAll('d')
    .select(['u.displayName as disclosedByName', 'r.displayName as reviewedByName', patientName.as('patientName')])
    .where('d.organizationId', '=', ctx.actor.organizationId)
    .where('d.basis', '=', 'medical-emergency');
  select =
    status === 'awaiting-review'
      ? select.where('d.reviewedAt', 'is', null).orderBy('d.disclosedAt').orderBy('d.id')
      : select.where('d.reviewedAt', 'is not', null).orderBy('d.reviewedAt', 'desc').orderBy('d.id');
  return select;
}

type EmergencyRow = Awaited<ReturnType<ReturnType<typeof emergencySelect>['execute']>>[number];

function presentEmergency(row: EmergencyRow) {
  const { disclosedByName, reviewedByName, patientName: name, ...disclosure } = row;
  return {
    ...presentDisclosure(disclosure, disclosedByName),
    patientName: name,
    reviewedBy: disclosure.reviewedBy && reviewedByName !== null ? { id: disclosure.reviewedBy, name: reviewedByName } : null,
    reviewNote: disclosure.reviewNote,
  };
}

/**
 * The queue of emergency disclosures awaiting review (oldest first) or reviewed (newest review
 * first): who disclosed, to whom and their facility, when, the nature of the emergency, the
 * patient's name; never the chart. The read is audited with the ids shown.
 */
export async function emergencyQueue(db: Database, ctx: RequestContext, status: ReviewStatus = 'awaiting-review') {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await emergencySelect(tx, ctx, status).limit(200).execute();
    await audit({ action: 'read', recordType: 'disclosure', details: { emergencyQueue: rows.map((row) => row.id), status } });
    return rows.map(presentEmergency);
  });
}

/**
 * The privacy officer's finding on one emergency disclosure. They may not see the chart, so
 * this is not a patient-record write (withPatientRecord): the permission is the check, the
 * row must be an emergency disclosure of their organization (else 404), the version must be
 * the one they read (else 409), and the audit row names the patient. A finding may be changed
 * later (a follow-up done), each change audited. The note never goes into the audit trail.
 */
export async function reviewEmergencyDisclosure(db: Database, ctx: RequestContext, id: string, version: number, input: ReviewBody) {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const current = checkVersion(
      await tx
        .selectFrom('disclosures')
        .select(['id', 'patientId', 'version', 'reviewFinding'])
        .where('id', '=', id)
        .where('organizationId', '=', ctx.actor.organizationId)
        .where('basis', '=', 'medical-emergency')
        .forUpdate()
        .executeTakeFirst(),
      version,
    );
    const note = input.note?.trim() ?? null;
    if (input.finding !== 'appropriate' && !note)
      throw badRequest('/note: say what was wrong or what follows', [
        fieldProblem('/note', 'required', 'is required when the finding is not “appropriate”: say what was wrong or what follows'),
      ]);
    await tx
      .updateTable('disclosures')
      .set({ reviewedBy: ctx.actor.userId, reviewedAt: new Date(), reviewFinding: input.finding, reviewNote: note, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'update',
      recordType: 'disclosure',
      recordId: id,
      patientId: current.patientId,
      details: { review: input.finding, previous: current.reviewFinding },
    });
    const row = await emergencySelect(tx, ctx, 'reviewed').where('d.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return presentEmergency(row);
  });
}

const EMERGENCY_HEADER = [
  'disclosed_at',
  'patient',
  'recipient',
  'facility',
  'information',
  'emergency',
  'disclosed_by',
  'status',
  'finding',
  'reviewed_by',
  'reviewed_at',
  'review_note',
  'disclosure_id',
  'patient_id',
];

export async function exportEmergencyDisclosures(db: Database, ctx: RequestContext, status: ReviewStatus) {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const { rows: shown, truncated } = await capped(emergencySelect(tx, ctx, status));
    await auditExport(audit, 'emergency-disclosures', { status }, shown.length, truncated);
    const csv = toCsv(
      EMERGENCY_HEADER,
      shown.map((row) => [
        row.disclosedAt,
        row.patientName,
        row.recipientName,
        row.recipientAffiliation,
        row.informationKinds.join(' '),
        row.emergencyNature,
        row.disclosedByName,
        row.reviewedAt ? 'reviewed' : 'awaiting-review',
        row.reviewFinding,
        row.reviewedByName,
        row.reviewedAt,
        row.reviewNote,
        row.id,
        row.patientId,
      ]),
    );
    return { csv, rows: shown.length, truncated };
  });
}

// ---------------------------------------------------------------- the disclosures log

/** Calendar days in the organization's time zone → the instants they start and end at. */
function dayRange(ctx: RequestContext, from: string | undefined, to: string | undefined) {
  if (from && to && to < from)
    throw badRequest('/query/to: is before from', [fieldProblem('/query/to', 'invalid', 'must not be before the first day')]);
  return {
    start: from ? new Date(startOfDayInZone(from, ctx.actor.timeZone)) : null,
    end: to ? new Date(startOfDayInZone(addDays(to, 1), ctx.actor.timeZone)) : null,
  };
}

function disclosureLogSelect(executor: Executor, ctx: RequestContext, query: DisclosureLogQuery) {
  const { start, end } = dayRange(ctx, query.from, query.to);
  let select = executor
    .selectFrom('disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.disclosedBy')
    .innerJoin('patients as p', 'p.id', 'd.patientId')
    .leftJoin('consents as c', 'c.id', 'd.consentId')
    .selectAll('d')
    .select([
      'u.displayName as disclosedByName',
      patientName.as('patientName'),
      'c.kind as consentKind',
      'c.recipientName as consentRecipientName',
      'c.signedOn as consentSignedOn',
      // The exact instant as text: a Date would lose the microseconds and the cursor would skip rows.
      sql<string>`d.disclosed_at::text`.as('cursorAt'),
    ])
    .where('d.organizationId', '=', ctx.actor.organizationId);
  if (start) select = select.where('d.disclosedAt', '>=', start);
  if (end) select = select.where('d.disclosedAt', '<', end);
  if (query.basis) select = select.where('d.basis', '=', query.basis);
  if (query.recipient) {
    const pattern = `%${query.recipient.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb('d.recipientName', 'ilike', pattern), eb('d.recipientAffiliation', 'ilike', pattern)]));
  }
  return select.orderBy('d.disclosedAt', 'desc').orderBy('d.id', 'desc');
}

type LogRow = Awaited<ReturnType<ReturnType<typeof disclosureLogSelect>['execute']>>[number];

function presentLogItem(row: LogRow) {
  const { disclosedByName, patientName: name, consentKind, consentRecipientName, consentSignedOn, cursorAt: _cursor, ...disclosure } = row;
  return {
    ...presentDisclosure({ ...disclosure }, disclosedByName),
    patientName: name,
    consent:
      disclosure.consentId && consentKind && consentRecipientName !== null && consentSignedOn !== null
        ? { id: disclosure.consentId, kind: consentKind, recipientName: consentRecipientName, signedOn: consentSignedOn }
        : null,
  };
}

/** One page of the disclosures log, one row more than `limit` (npm run bench runs it raw beside the API). */
export function disclosureLogPageQuery(executor: Executor, ctx: RequestContext, query: DisclosureLogQuery, limit: number) {
  let select = disclosureLogSelect(executor, ctx, query);
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  if (after) select = select.where(sql<boolean>`(d.disclosed_at, d.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return select.limit(limit + 1);
}

/** Every disclosure of the organization, newest first: what, to whom, under which consent, by whom, when, whose. */
export async function disclosureLog(db: Database, ctx: RequestContext, query: DisclosureLogQuery) {
  requirePermission(ctx.actor, 'disclosures:review');
  const limit = query.limit ?? 50;
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await disclosureLogPageQuery(tx, ctx, query, limit).execute();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await audit({
      action: 'read',
      recordType: 'disclosure-log',
      details: { filters: filterNames(query), disclosures: items.map((row) => row.id) },
    });
    return { items: items.map(presentLogItem), nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null };
  });
}

const LOG_HEADER = [
  'disclosed_at',
  'patient',
  'basis',
  'recipient',
  'recipient_class',
  'facility',
  'information',
  'purpose',
  'description',
  'emergency',
  'consent_kind',
  'consent_signed_on',
  'disclosed_by',
  'disclosure_id',
  'consent_id',
  'patient_id',
];

export async function exportDisclosureLog(db: Database, ctx: RequestContext, query: DisclosureLogQuery) {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const { rows: shown, truncated } = await capped(disclosureLogSelect(tx, ctx, query));
    await auditExport(audit, 'disclosure-log', query, shown.length, truncated);
    const csv = toCsv(
      LOG_HEADER,
      shown.map((row) => [
        row.disclosedAt,
        row.patientName,
        row.basis,
        row.recipientName,
        row.recipientClass,
        row.recipientAffiliation,
        row.informationKinds.join(' '),
        row.purpose,
        row.description,
        row.emergencyNature,
        row.consentKind,
        row.consentSignedOn,
        row.disclosedByName,
        row.id,
        row.consentId,
        row.patientId,
      ]),
    );
    return { csv, rows: shown.length, truncated };
  });
}

// ---------------------------------------------------------------- consents expiring soon

/** The most rows the expiring-consents list shows (the export holds up to audit/exports.ts's EXPORT_ROW_CAP). */
const EXPIRING_LIST_CAP = 500;

/** Consents in effect expiring within `withinDays`, soonest first (npm run bench runs it raw beside the API). */
export function expiringSelect(executor: Executor, ctx: RequestContext, withinDays: number) {
  const today = todayOf(ctx.actor);
  return executor
    .selectFrom('consents as c')
    .innerJoin('patients as p', 'p.id', 'c.patientId')
    .select([
      'c.id',
      'c.patientId',
      patientName.as('patientName'),
      'c.kind',
      'c.recipientName',
      'c.expiresOn',
      'c.signedOn',
      'c.signatureMethod',
    ])
    .where('c.organizationId', '=', ctx.actor.organizationId)
    .where('p.deletedAt', 'is', null)
    .where('c.expiresOn', 'is not', null)
    .where('c.expiresOn', '>=', today)
    .where('c.expiresOn', '<=', addDays(today, withinDays))
    .where('c.endedOn', 'is', null)
    .where('c.signatureMethod', '<>', 'refused')
    .orderBy('c.expiresOn')
    .orderBy('c.id');
}

function presentExpiring(ctx: RequestContext) {
  const today = todayOf(ctx.actor);
  return (row: Awaited<ReturnType<ReturnType<typeof expiringSelect>['execute']>>[number]) => {
    const expiresOn = row.expiresOn ?? today;
    return { ...row, expiresOn, daysLeft: daysBetween(today, expiresOn) };
  };
}

/** Consents in effect whose expiration date falls within the next `withinDays` days (today included), soonest first. */
export async function expiringConsents(db: Database, ctx: RequestContext, withinDays: number) {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const rows = await expiringSelect(tx, ctx, withinDays)
      .limit(EXPIRING_LIST_CAP + 1)
      .execute();
    const items = rows.slice(0, EXPIRING_LIST_CAP);
    await audit({
      action: 'read',
      recordType: 'consent',
      details: { expiringWithinDays: withinDays, consents: items.map((row) => row.id) },
    });
    return { items: items.map(presentExpiring(ctx)), truncated: rows.length > EXPIRING_LIST_CAP };
  });
}

export async function exportExpiringConsents(db: Database, ctx: RequestContext, withinDays: number) {
  requirePermission(ctx.actor, 'disclosures:review');
  return withAudit(db, ctx, async (tx, audit) => {
    const { rows, truncated } = await capped(expiringSelect(tx, ctx, withinDays));
    const shown = rows.map(presentExpiring(ctx));
    await auditExport(audit, 'expiring-consents', { withinDays }, shown.length, truncated);
    const csv = toCsv(
      ['expires_on', 'days_left', 'patient', 'recipient', 'kind', 'signed_on', 'signature', 'consent_id', 'patient_id'],
      shown.map((row) => [
        row.expiresOn,
        row.daysLeft,
        row.patientName,
        row.recipientName,
        row.kind,
        row.signedOn,
        row.signatureMethod,
        row.id,
        row.patientId,
      ]),
    );
    return { csv, rows: shown.length, truncated };
  });
}

// ---------------------------------------------------------------- the landing page's counts

/** Counts for the privacy office's landing page: no names, no ids. Audited as a read of the counts. */
export async function privacySummary(db: Database, ctx: RequestContext) {
  requirePermission(ctx.actor, 'disclosures:review');
  const today = todayOf(ctx.actor);
  const monthStart = new Date(startOfDayInZone(`${today.slice(0, 8)}01`, ctx.actor.timeZone));
  return withAudit(db, ctx, async (tx, audit) => {
    const org = ctx.actor.organizationId;
    const awaiting = await tx
      .selectFrom('disclosures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organizationId', '=', org)
      .where('basis', '=', 'medical-emergency')
      .where('reviewedAt', 'is', null)
      .executeTakeFirstOrThrow();
    const expiring = await tx
      .selectFrom(expiringSelect(tx, ctx, 30).clearOrderBy().as('x'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const month = await tx
      .selectFrom('disclosures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organizationId', '=', org)
      .where('disclosedAt', '>=', monthStart)
      .executeTakeFirstOrThrow();
    await audit({ action: 'read', recordType: 'privacy-summary' });
    return {
      emergencyAwaitingReview: Number(awaiting.n),
      consentsExpiringSoon: Number(expiring.n),
      disclosuresThisMonth: Number(month.n),
    };
  });
}
