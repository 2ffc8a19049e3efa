import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changedFields, withAudit, writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { allSettledFirst, concurrently, type Database } from '../../lib/db/database.ts';
import { prepared, withNamedStatements } from '../../lib/db/prepared.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { AuditedRefusal, badRequest, conflict, fieldError, fieldProblem, Problem } from '../../lib/errors.ts';
import type { ModuleRegistry } from '../../lib/modules.ts';
import { canSeePatient, readPatientRecord, todayOf, withPatientRecord } from './access.ts';
import { requireRegistrar } from './permissions.ts';
import { loadSections, presentPatient, readPresentedPatient, type PatientOverview, type PatientView } from './presenter.ts';
import { findDuplicateCandidates, SEARCH_MATCH_CAP, searchPatientsCounted, searchSentNamed } from './queries.ts';
import { patientKind } from './records.ts';
import { requestReview, type ReviewView } from './reviews.ts';
import { columnsOf, IdentifierTaken, insertPatient, writeChildren } from './writes.ts';
import type { CreatePatientBody, PatientSearchQuery, UpdatePatientBody } from './schemas.ts';
import type { PatientRow } from './tables.ts';

/** The rules a schema cannot say: a birth date in the past century or this one, an address or not, identifiers once. */
function assertPatient(input: Partial<CreatePatientBody>, today: string, current?: PatientRow): void {
  if (input.dateOfBirth !== undefined && input.dateOfBirth > today)
    throw fieldError('/dateOfBirth', 'future-date', `must be today (${today}) or earlier`, { today });
  if (input.dateOfBirth !== undefined && input.dateOfBirth < '1900-01-01')
    throw fieldError('/dateOfBirth', 'before-1900', 'must be on or after 1900-01-01');
  const noFixedAddress = input.noFixedAddress ?? current?.noFixedAddress ?? false;
  const line1 = input.addressLine1 !== undefined ? input.addressLine1 : (current?.addressLine1 ?? null);
  if (noFixedAddress && line1)
    throw fieldError(
      '/addressLine1',
      'address-with-no-fixed-address',
      'must be empty when the patient has no fixed address (say how to reach them instead)',
    );
  const seen = new Set<string>();
  (input.identifiers ?? []).forEach((identifier, index) => {
    const key = `${identifier.system}:${identifier.value.trim().toUpperCase()}`;
    if (seen.has(key)) throw fieldError(`/identifiers/${index}/value`, 'listed-twice', 'is listed twice');
    seen.add(key);
  });
}

/**
 * An identifier already live on another record: said plainly when the caller may see that
 * record; otherwise it would disclose a patient of another program, so the answer only asks for
 * a supervisor's review, and the attempt is audited (the row survives the refusal).
 */
async function explainIdentifierTaken(tx: Transaction<DB>, ctx: RequestContext, error: unknown): Promise<never> {
  if (!(error instanceof IdentifierTaken)) throw error;
  const path = `/identifiers/${error.index}/value`;
  if (await canSeePatient(tx, ctx.actor, error.holderId)) {
    throw conflict('identifier-taken', 'Another patient record already has this identifier.', {
      errors: [fieldProblem(path, 'identifier-taken', 'belongs to another patient record')],
    });
  }
  throw new AuditedRefusal(
    conflict('identifier-needs-review', 'This identifier cannot be saved here; ask a supervisor to review it.', {
      errors: [fieldProblem(path, 'identifier-needs-review', 'needs a supervisor’s review')],
    }),
    [{ action: 'read', recordType: 'patient-identifier-conflict', details: { hiddenPatientIds: [error.holderId] } }],
  );
}

/**
 * The patient's record as presented, with every module's overview section: the sections' reads
 * sent together (`concurrently`, src/lib/db/database.ts).
 */
async function overview(tx: Transaction<DB>, ctx: RequestContext, registry: ModuleRegistry, view: PatientView): Promise<PatientOverview> {
  return { ...view, ...(await concurrently(tx, (reads) => loadSections(reads, ctx, registry.overviewSections, view.id))) };
}

/**
 * What a registrar compares a possible duplicate by, in place (phones, ID numbers, address):
 * only records the caller may see are ever offered, and which were shown is audited.
 */
async function withCompareDetails<T extends { patient: { id: string } }>(tx: Transaction<DB>, candidates: T[]) {
  const ids = candidates.map((candidate) => candidate.patient.id);
  if (ids.length === 0) return candidates;
  const [rows, phones, identifiers] = await Promise.all([
    tx
      .selectFrom('patients')
      .select(['id', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'noFixedAddress'])
      .where('id', 'in', ids)
      .execute(),
    tx.selectFrom('patientPhones').select(['patientId', 'number']).where('patientId', 'in', ids).orderBy('position').execute(),
    tx
      .selectFrom('patientIdentifiers')
      .select(['patientId', 'system', 'value'])
      .where('patientId', 'in', ids)
      .where('retiredAt', 'is', null)
      .orderBy('system')
      .execute(),
  ]);
  return candidates.map((candidate) => {
    const id = candidate.patient.id;
    const row = rows.find((r) => r.id === id);
    return {
      ...candidate,
      patient: {
        ...candidate.patient,
        phones: phones.filter((phone) => phone.patientId === id).map((phone) => phone.number),
        identifiers: identifiers.filter((i) => i.patientId === id).map(({ system, value }) => ({ system, value })),
        address: row
          ? {
              line1: row.addressLine1,
              line2: row.addressLine2,
              city: row.city,
              state: row.state,
              postalCode: row.postalCode,
              noFixedAddress: row.noFixedAddress,
            }
          : null,
      },
    };
  });
}

export type Registration = { patient: PatientOverview } | { review: ReviewView };

/**
 * Registers a patient. Possible duplicates the caller may see are answered 409
 * `possible-duplicate` with those candidates, until the caller confirms this is a new person (a
 * shared identifier can never be confirmed away). A strong match (same identifier, or same birth
 * date and a similar name) with a record the caller may NOT see is never shown nor counted:
 * saying "this person is a patient elsewhere" would disclose another program's patient (42 CFR
 * Part 2). The registration goes to a supervisor's review instead (reviews.ts).
 */
export async function createPatient(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  input: CreatePatientBody,
): Promise<Registration> {
  requireRegistrar(ctx.actor);
  assertPatient(input, todayOf(ctx.actor));
  return withAudit(db, ctx, async (tx, audit) => {
    const candidates = await findDuplicateCandidates(tx, ctx.actor.organizationId, input);
    const visible: typeof candidates = [];
    const hidden: typeof candidates = [];
    for (const candidate of candidates) ((await canSeePatient(tx, ctx.actor, candidate.patientId)) ? visible : hidden).push(candidate);
    const blocking = visible.filter((candidate) => !input.confirmedNotDuplicate || candidate.reasons.includes('same-identifier'));
    if (blocking.length > 0) {
      const problem = new Problem(
        409,
        'possible-duplicate',
        'This may be a patient already registered',
        'Review the possible matches; if this is a new person, send the request again with "confirmedNotDuplicate": true.',
        {
          extensions: {
            candidates: await withCompareDetails(
              tx,
              blocking.map(({ patient, reasons, score }) => ({ patient, reasons, score })),
            ),
          },
        },
      );
      // Which records were offered is itself a disclosure: the audit row outlives the refusal.
      throw new AuditedRefusal(problem, [
        {
          action: 'read',
          recordType: 'patient-duplicate-check',
          details: { shownPatientIds: blocking.map((candidate) => candidate.patientId) },
        },
      ]);
    }
    const strongHidden = hidden.filter(
      (candidate) => candidate.reasons.includes('same-identifier') || candidate.reasons.includes('same-birth-date'),
    );
    if (strongHidden.length > 0) {
      return {
        review: await requestReview(
          tx,
          ctx,
          audit,
          input,
          strongHidden.map((candidate) => candidate.patientId),
        ),
      };
    }
    const patient = await insertPatient(tx, ctx.actor.organizationId, ctx.actor.userId, input);
    await audit({
      action: 'create',
      recordType: 'patient',
      recordId: patient.id,
      patientId: patient.id,
      details: { confirmedNotDuplicate: input.confirmedNotDuplicate === true },
    });
    return { patient: await overview(tx, ctx, registry, await presentPatient(tx, patient)) };
  });
}

export async function getPatient(db: Database, ctx: RequestContext, registry: ModuleRegistry, patientId: string): Promise<PatientOverview> {
  // A dozen reads of this patient's rows by id, the page staff open most: named, so a connection
  // plans each once instead of on every request (src/lib/db/prepared.ts), and sent together.
  return readPatientRecord(db, ctx, patientKind, patientId, (tx) =>
    withNamedStatements(() =>
      concurrently(tx, async (reads) => {
        const [view, sections] = await Promise.all([
          readPresentedPatient(reads, patientId),
          loadSections(reads, ctx, registry.overviewSections, patientId),
        ]);
        if (!view) throw new Error(`getPatient: patient ${patientId} passed the access check but was not read`);
        return { ...view, ...sections };
      }),
    ),
  );
}

export async function updatePatient(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  patientId: string,
  version: number,
  input: UpdatePatientBody,
): Promise<PatientOverview> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirst(), version);
    if (current.mergedIntoId) throw conflict('record-merged', 'This record was merged into another; change that one instead.');
    assertPatient(input, todayOf(ctx.actor), current);
    const columns = columnsOf(input);
    const fields = changedFields(columns, current);
    const children = await writeChildren(tx, ctx.actor.organizationId, patientId, input).catch((error: unknown) =>
      explainIdentifierTaken(tx, ctx, error),
    );
    const patient =
      fields.length > 0 || children.length > 0
        ? await tx
            .updateTable('patients')
            .set({ ...columns, ...nextVersion() })
            .where('id', '=', patientId)
            .returningAll()
            .executeTakeFirstOrThrow()
        : current;
    // The audit row and the overview's reads go to PostgreSQL together (src/lib/db/database.ts).
    const [result] = await allSettledFirst([
      presentPatient(tx, patient).then((view) => overview(tx, ctx, registry, view)),
      audit({ action: 'update', recordType: 'patient', recordId: patientId, details: { fields: [...fields, ...children] } }),
    ] as const);
    return result;
  });
}

export async function searchPatients(db: Database, ctx: RequestContext, query: PatientSearchQuery) {
  if (!query.q && !query.dateOfBirth && !query.identifier && !query.phone) {
    throw badRequest('Search by part of a name, a birth date, an identifier or a phone number.', [
      fieldProblem('/query/q', 'no-search-term', 'give at least one search term'),
    ]);
  }
  const search = searchPatientsCounted(db, ctx.actor, query, query.limit ?? 50);
  // Sent named, a search is not planned anew each time, which cost as much as running it
  // (docs/performance.md, "Under load"); not a supervisor's search without a name, whose best
  // plan depends on the terms (`searchSentNamed`).
  const compiled = searchSentNamed(ctx.actor, query) ? prepared(search) : search.compile();
  const counted = (await db.executeQuery(compiled)).rows;
  const tooManyMatches = Number(counted[0]?.matches ?? 0) > SEARCH_MATCH_CAP;
  const rows = counted.map(({ matches: _, ...row }) => row);
  // The search terms may be a name: the audit row keeps which records were shown, not the terms.
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'patient-search',
    details: { shownPatientIds: rows.map((row) => row.id), ...(tooManyMatches ? { tooManyMatches } : {}) },
  });
  return { items: rows, nextCursor: null, tooManyMatches, matchCap: SEARCH_MATCH_CAP };
}
