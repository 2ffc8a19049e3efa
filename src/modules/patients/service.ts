import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changedFields, withAudit, writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { AuditedRefusal, badRequest, conflict, fieldError, fieldProblem, Problem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { ModuleRegistry } from '../../lib/modules.ts';
import { canSeePatient, readPatientRecord, todayOf, withPatientRecord } from './access.ts';
import { requireRegistrar } from './permissions.ts';
import { loadSections, presentPatient, type PatientOverview } from './presenter.ts';
import { findDuplicateCandidates, searchPatientsQuery } from './queries.ts';
import { patientKind } from './records.ts';
import type { CreatePatientBody, PatientSearchQuery, UpdatePatientBody } from './schemas.ts';
import type { PatientRow } from './tables.ts';

type Children = Pick<CreatePatientBody, 'phones' | 'identifiers' | 'coverages'>;
const CHILD_FIELDS = ['phones', 'identifiers', 'coverages', 'confirmedNotDuplicate', 'version'] as const;

/** The patient's own columns from a body: every key except the child lists and bookkeeping. */
function columnsOf(input: Partial<CreatePatientBody>) {
  const columns = Object.fromEntries(Object.entries(input).filter(([key]) => !(CHILD_FIELDS as readonly string[]).includes(key)));
  return columns as Omit<Partial<CreatePatientBody>, (typeof CHILD_FIELDS)[number]>;
}

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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the phones, identifiers and coverages given (lists not given stay as they are), and
 * only where they differ from what is stored: an unchanged identifier keeps its row and its
 * label (an integration may have set one the web form does not show). Returns the lists that
 * really changed, for the audit row.
 */
async function writeChildren(tx: Transaction<DB>, organizationId: string, patientId: string, input: Children): Promise<string[]> {
  const changed: string[] = [];
  if (input.phones) {
    const stored = await tx
      .selectFrom('patientPhones')
      .select(['number', 'kind', 'consentToText', 'voicemailSafe'])
      .where('patientId', '=', patientId)
      .orderBy('position')
      .execute();
    if (!same(stored, input.phones)) {
      changed.push('phones');
      await tx.deleteFrom('patientPhones').where('patientId', '=', patientId).execute();
      if (input.phones.length > 0) {
        await tx
          .insertInto('patientPhones')
          .values(input.phones.map((phone, position) => ({ id: newId(), organizationId, patientId, position, ...phone })))
          .execute();
      }
    }
  }
  if (input.identifiers && (await writeIdentifiers(tx, organizationId, patientId, input.identifiers))) changed.push('identifiers');
  if (input.coverages) {
    const stored = await tx
      .selectFrom('patientCoverages')
      .select(['kind', 'payerName', 'memberId', 'startDate', 'endDate'])
      .where('patientId', '=', patientId)
      .orderBy('id')
      .execute();
    const given = input.coverages.map((coverage) => ({
      kind: coverage.kind,
      payerName: coverage.payerName ?? null,
      memberId: coverage.memberId ?? null,
      startDate: coverage.startDate ?? null,
      endDate: coverage.endDate ?? null,
    }));
    if (!same(stored, given)) {
      changed.push('coverages');
      await tx.deleteFrom('patientCoverages').where('patientId', '=', patientId).execute();
      if (given.length > 0) {
        await tx
          .insertInto('patientCoverages')
          .values(given.map((coverage) => ({ id: newId(), organizationId, patientId, ...coverage })))
          .execute();
      }
    }
  }
  return changed;
}

/** Identifiers are retired, not deleted: which record once carried an MRN stays known. */
async function writeIdentifiers(
  tx: Transaction<DB>,
  organizationId: string,
  patientId: string,
  identifiers: NonNullable<Children['identifiers']>,
): Promise<boolean> {
  const live = await tx
    .selectFrom('patientIdentifiers')
    .select(['id', 'system', 'value', 'label'])
    .where('patientId', '=', patientId)
    .where('retiredAt', 'is', null)
    .execute();
  const keyOf = (identifier: { system: string; value: string }) => `${identifier.system}:${identifier.value.trim().toUpperCase()}`;
  const wanted = new Map(identifiers.map((identifier, index) => [keyOf(identifier), { identifier, index }]));
  let changed = false;
  for (const row of live) {
    const kept = wanted.get(keyOf(row));
    if (!kept) {
      await tx
        .updateTable('patientIdentifiers')
        .set({ retiredAt: sql<Date>`now()` })
        .where('id', '=', row.id)
        .execute();
      changed = true;
    } else if (kept.identifier.label !== undefined && kept.identifier.label !== row.label) {
      await tx.updateTable('patientIdentifiers').set({ label: kept.identifier.label }).where('id', '=', row.id).execute();
      changed = true;
    }
    wanted.delete(keyOf(row));
  }
  for (const { identifier, index } of wanted.values()) {
    const taken = await tx
      .selectFrom('patientIdentifiers')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('system', '=', identifier.system)
      .where(sql<string>`upper(value)`, '=', identifier.value.trim().toUpperCase())
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
    if (taken)
      throw conflict('identifier-taken', 'Another patient record already has this identifier.', {
        errors: [fieldProblem(`/identifiers/${index}/value`, 'identifier-taken', 'belongs to another patient record')],
      });
    await tx
      .insertInto('patientIdentifiers')
      .values({
        id: newId(),
        organizationId,
        patientId,
        system: identifier.system,
        value: identifier.value.trim(),
        label: identifier.label ?? null,
      })
      .execute();
    changed = true;
  }
  return changed;
}

async function overview(tx: Transaction<DB>, ctx: RequestContext, registry: ModuleRegistry, patient: PatientRow): Promise<PatientOverview> {
  return { ...(await presentPatient(tx, patient)), ...(await loadSections(tx, ctx, registry.overviewSections, patient.id)) };
}

/**
 * Registers a patient. Possible duplicates are answered 409 `possible-duplicate` with the
 * candidates the caller may see (and how many more exist that they may not), until the caller
 * confirms this is a new person. A shared identifier can never be confirmed away.
 */
export async function createPatient(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  input: CreatePatientBody,
): Promise<PatientOverview> {
  requireRegistrar(ctx.actor);
  assertPatient(input, todayOf(ctx.actor));
  return withAudit(db, ctx, async (tx, audit) => {
    const candidates = await findDuplicateCandidates(tx, ctx.actor.organizationId, input);
    const blocking = candidates.filter((candidate) => !input.confirmedNotDuplicate || candidate.reasons.includes('same-identifier'));
    if (blocking.length > 0) {
      const visible = [];
      for (const candidate of blocking) if (await canSeePatient(tx, ctx.actor, candidate.patientId)) visible.push(candidate);
      const hiddenMatches = blocking.length - visible.length;
      const problem = new Problem(
        409,
        'possible-duplicate',
        'This may be a patient already registered',
        'Review the possible matches; if this is a new person, send the request again with "confirmedNotDuplicate": true.',
        { extensions: { candidates: visible.map(({ patient, reasons, score }) => ({ patient, reasons, score })), hiddenMatches } },
      );
      // Which records were offered is itself a disclosure: the audit row outlives the refusal.
      throw new AuditedRefusal(problem, [
        {
          action: 'read',
          recordType: 'patient-duplicate-check',
          details: { shownPatientIds: visible.map((candidate) => candidate.patientId), hiddenMatches },
        },
      ]);
    }
    const patient = await tx
      .insertInto('patients')
      .values({
        ...columnsOf(input),
        id: newId(),
        organizationId: ctx.actor.organizationId,
        createdBy: ctx.actor.userId,
        legalFirstName: input.legalFirstName.trim(),
        legalLastName: input.legalLastName.trim(),
        dateOfBirth: input.dateOfBirth,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeChildren(tx, ctx.actor.organizationId, patient.id, input);
    await audit({
      action: 'create',
      recordType: 'patient',
      recordId: patient.id,
      patientId: patient.id,
      details: { confirmedNotDuplicate: input.confirmedNotDuplicate === true },
    });
    return overview(tx, ctx, registry, patient);
  });
}

export async function getPatient(db: Database, ctx: RequestContext, registry: ModuleRegistry, patientId: string): Promise<PatientOverview> {
  return readPatientRecord(db, ctx, patientKind, patientId, async (tx) => {
    const patient = await tx.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirstOrThrow();
    return overview(tx, ctx, registry, patient);
  });
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
    const children = await writeChildren(tx, ctx.actor.organizationId, patientId, input);
    const patient =
      fields.length > 0 || children.length > 0
        ? await tx
            .updateTable('patients')
            .set({ ...columns, ...nextVersion() })
            .where('id', '=', patientId)
            .returningAll()
            .executeTakeFirstOrThrow()
        : current;
    await audit({ action: 'update', recordType: 'patient', recordId: patientId, details: { fields: [...fields, ...children] } });
    return overview(tx, ctx, registry, patient);
  });
}

export async function searchPatients(db: Database, ctx: RequestContext, query: PatientSearchQuery) {
  if (!query.q && !query.dateOfBirth && !query.identifier && !query.phone) {
    throw badRequest('Search by part of a name, a birth date, an identifier or a phone number.', [
      fieldProblem('/query/q', 'no-search-term', 'give at least one search term'),
    ]);
  }
  const rows = await searchPatientsQuery(db, ctx.actor, query, query.limit ?? 50).execute();
  // The search terms may be a name: the audit row keeps which records were shown, not the terms.
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'patient-search',
    details: { shownPatientIds: rows.map((row) => row.id) },
  });
  return { items: rows, nextCursor: null };
}
