import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { CreatePatientBody } from './schemas.ts';
import type { PatientRow } from './tables.ts';

/** An identifier the registration gives is live on another record (`holderId`); the caller decides what to say. */
export class IdentifierTaken extends Error {
  readonly index: number;
  readonly holderId: string;

  constructor(index: number, holderId: string) {
    super('identifier taken');
    this.index = index;
    this.holderId = holderId;
  }
}

type Children = Pick<CreatePatientBody, 'phones' | 'identifiers' | 'coverages'>;
const CHILD_FIELDS = ['phones', 'identifiers', 'coverages', 'confirmedNotDuplicate', 'version'] as const;

/** The patient's own columns from a body: every key except the child lists and bookkeeping. */
export function columnsOf(input: Partial<CreatePatientBody>) {
  const columns = Object.fromEntries(Object.entries(input).filter(([key]) => !(CHILD_FIELDS as readonly string[]).includes(key)));
  return columns as Omit<Partial<CreatePatientBody>, (typeof CHILD_FIELDS)[number]>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the phones, identifiers and coverages given (lists not given stay as they are), and
 * only where they differ from what is stored: an unchanged identifier keeps its row and its
 * label (an integration may have set one the web form does not show). Returns the lists that
 * really changed, for the audit row.
 */
export async function writeChildren(tx: Transaction<DB>, organizationId: string, patientId: string, input: Children): Promise<string[]> {
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
      .select('patientId')
      .where('organizationId', '=', organizationId)
      .where('system', '=', identifier.system)
      .where(sql<string>`upper(value)`, '=', identifier.value.trim().toUpperCase())
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
    if (taken) throw new IdentifierTaken(index, taken.patientId);
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

/** Inserts a registration's patient with its phones, identifiers and coverages; audited by the caller. */
export async function insertPatient(
  tx: Transaction<DB>,
  organizationId: string,
  createdBy: string,
  input: CreatePatientBody,
): Promise<PatientRow> {
  const patient = await tx
    .insertInto('patients')
    .values({
      ...columnsOf(input),
      id: newId(),
      organizationId,
      createdBy,
      legalFirstName: input.legalFirstName.trim(),
      legalLastName: input.legalLastName.trim(),
      dateOfBirth: input.dateOfBirth,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeChildren(tx, organizationId, patient.id, input);
  return patient;
}
