import { sql, type Transaction } from 'kysely';
import type { DB, PatientRow } from '../../db/schema.ts';
import { requirePermission } from '../../lib/access.ts';
import { changedFields, withAudit, writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { organizationToday } from '../../lib/dates.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { badRequest, conflict, fieldError, fieldProblem, Problem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { canSeePatient, withPatientAccess } from './access.ts';
import { presentPatient, type PatientView } from './presenter.ts';
import { findDuplicateCandidates, searchPatientsQuery } from './queries.ts';
import type { CreatePatientBody, PatientSearchQuery, UpdatePatientBody } from './schemas.ts';

type Children = Pick<CreatePatientBody, 'phones' | 'identifiers' | 'coverages'>;
const CHILD_FIELDS = ['phones', 'identifiers', 'coverages', 'confirmedNotDuplicate', 'version'] as const;

/** The patient's own columns from a body: every key except the child lists and bookkeeping. */
function columnsOf(input: Partial<CreatePatientBody>) {
  const columns = Object.fromEntries(Object.entries(input).filter(([key]) => !(CHILD_FIELDS as readonly string[]).includes(key)));
  return columns as Omit<Partial<CreatePatientBody>, (typeof CHILD_FIELDS)[number]>;
}

function assertAddress(input: Partial<CreatePatientBody>, current?: PatientRow): void {
  const noFixedAddress = input.noFixedAddress ?? current?.noFixedAddress ?? false;
  const line1 = input.addressLine1 !== undefined ? input.addressLine1 : (current?.addressLine1 ?? null);
  if (noFixedAddress && line1)
    throw fieldError(
      '/addressLine1',
      'address-with-no-fixed-address',
      'must be empty when the patient has no fixed address (say how to reach them instead)',
    );
  const identifiers = input.identifiers ?? [];
  const seen = new Set<string>();
  identifiers.forEach((identifier, index) => {
    const key = `${identifier.system}:${identifier.value.trim().toUpperCase()}`;
    if (seen.has(key)) throw fieldError(`/identifiers/${index}/value`, 'listed-twice', 'is listed twice');
    seen.add(key);
  });
}

/** Replaces the patient's phones, identifiers and coverages with those given (those not given stay). */
async function writeChildren(tx: Transaction<DB>, organizationId: string, patientId: string, input: Children): Promise<void> {
  if (input.phones) {
    await tx.deleteFrom('patientPhones').where('patientId', '=', patientId).execute();
    if (input.phones.length > 0) {
      await tx
        .insertInto('patientPhones')
        .values(input.phones.map((phone, position) => ({ id: newId(), organizationId, patientId, position, ...phone })))
        .execute();
    }
  }
  if (input.identifiers) {
    // Identifiers are retired, not deleted: which record once carried an MRN stays known.
    await tx
      .updateTable('patientIdentifiers')
      .set({ retiredAt: sql<Date>`now()` })
      .where('patientId', '=', patientId)
      .where('retiredAt', 'is', null)
      .execute();
    for (const [index, identifier] of input.identifiers.entries()) {
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
    }
  }
  if (input.coverages) {
    await tx.deleteFrom('patientCoverages').where('patientId', '=', patientId).execute();
    if (input.coverages.length > 0) {
      await tx
        .insertInto('patientCoverages')
        .values(input.coverages.map((coverage) => ({ id: newId(), organizationId, patientId, ...coverage })))
        .execute();
    }
  }
}

/**
 * Registers a patient. Possible duplicates are answered 409 `possible-duplicate` with the
 * candidates the caller may see (and how many more exist that they may not), until the caller
 * confirms this is a new person. A shared identifier can never be confirmed away.
 */
export async function createPatient(db: Database, ctx: RequestContext, input: CreatePatientBody): Promise<PatientView> {
  requirePermission(ctx.actor, 'patients:register');
  assertAddress(input);
  return withAudit(db, ctx, async (tx, audit) => {
    const candidates = await findDuplicateCandidates(tx, ctx.actor.organizationId, input);
    const blocking = candidates.filter((candidate) => !input.confirmedNotDuplicate || candidate.reasons.includes('same-identifier'));
    if (blocking.length > 0) {
      const visible = [];
      for (const candidate of blocking) if (await canSeePatient(tx, ctx.actor, candidate.patientId)) visible.push(candidate);
      // Which records were offered is itself a disclosure: record it, in its own transaction.
      await writeAudit(db, actorMeta(ctx), {
        action: 'read',
        recordType: 'patient-duplicate-check',
        details: { shownPatientIds: visible.map((candidate) => candidate.patientId), hiddenMatches: blocking.length - visible.length },
      });
      throw new Problem(
        409,
        'possible-duplicate',
        'This may be a patient already registered',
        'Review the possible matches; if this is a new person, send the request again with "confirmedNotDuplicate": true.',
        {
          extensions: {
            candidates: visible.map(({ patient, reasons, score }) => ({ patient, reasons, score })),
            hiddenMatches: blocking.length - visible.length,
          },
        },
      );
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
    return presentPatient(tx, patient, await organizationToday(tx, ctx.actor.organizationId));
  });
}

export async function getPatient(db: Database, ctx: RequestContext, patientId: string): Promise<PatientView> {
  return withPatientAccess(db, ctx, patientId, async (tx, audit) => {
    const patient = await tx.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirstOrThrow();
    await audit({ action: 'read', recordType: 'patient', recordId: patientId });
    return presentPatient(tx, patient, await organizationToday(tx, ctx.actor.organizationId));
  });
}

export async function updatePatient(
  db: Database,
  ctx: RequestContext,
  patientId: string,
  version: number,
  input: UpdatePatientBody,
): Promise<PatientView> {
  return withPatientAccess(db, ctx, patientId, async (tx, audit) => {
    const current = checkVersion(
      await tx.selectFrom('patients').selectAll().where('id', '=', patientId).forUpdate().executeTakeFirst(),
      version,
    );
    assertAddress(input, current);
    const patient = await tx
      .updateTable('patients')
      .set({ ...columnsOf(input), ...nextVersion() })
      .where('id', '=', patientId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeChildren(tx, ctx.actor.organizationId, patientId, input);
    await audit({ action: 'update', recordType: 'patient', recordId: patientId, details: { fields: changedFields(input) } });
    return presentPatient(tx, patient, await organizationToday(tx, ctx.actor.organizationId));
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
