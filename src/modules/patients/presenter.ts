import { sql, type Expression } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { Type, type Static } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { Nullable } from '../../lib/http/schemas.ts';
import type { OverviewSection } from '../../lib/modules.ts';
import { Coverage, Identifier, Phone } from './schemas.ts';
import type { PatientRow } from './tables.ts';

export const PatientView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  legalFirstName: Type.String(),
  legalMiddleName: Nullable(Type.String()),
  legalLastName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String({ format: 'date' }),
  sexAtBirth: Nullable(Type.String()),
  genderIdentity: Nullable(Type.String()),
  pronouns: Nullable(Type.String()),
  raceEthnicity: Type.Array(Type.String()),
  preferredLanguage: Type.String(),
  interpreterNeeded: Type.Boolean(),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  noFixedAddress: Type.Boolean(),
  howToReach: Nullable(Type.String()),
  emergencyContactName: Nullable(Type.String()),
  emergencyContactRelationship: Nullable(Type.String()),
  emergencyContactPhone: Nullable(Type.String()),
  phones: Type.Array(Phone),
  identifiers: Type.Array(Identifier),
  coverages: Type.Array(Coverage),
  mergedIntoId: Nullable(Type.String({ format: 'uuid', description: 'Set when this record was merged into another (the survivor)' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PatientView = Static<typeof PatientView>;

/** The overview as the API answers it: the patient, and each module's section (src/lib/modules.ts). */
export function patientOverviewSchema(sections: readonly OverviewSection[]) {
  return Type.Object({ ...PatientView.properties, ...Object.fromEntries(sections.map((section) => [section.key, section.schema])) });
}
export type PatientOverview = PatientView & Record<string, unknown>;

/** Each registered module's part of the overview, read with the caller's executor inside the check. */
export async function loadSections(
  executor: Executor,
  ctx: RequestContext,
  sections: readonly OverviewSection[],
  patientId: string,
): Promise<Record<string, unknown>> {
  const loaded = await Promise.all(sections.map(async (section) => [section.key, await section.load(executor, ctx, patientId)] as const));
  return Object.fromEntries(loaded);
}

/**
 * The patient's own record with its phones, identifiers and coverages (inside the access check):
 * the three lists in one statement, each as JSON (docs/performance.md, "Under load").
 */
export async function presentPatient(executor: Executor, patient: PatientRow): Promise<PatientView> {
  const lists = await executor
    .selectNoFrom([
      jsonArrayFrom(phonesOf(executor, patient.id)).as('phones'),
      jsonArrayFrom(identifiersOf(executor, patient.id)).as('identifiers'),
      jsonArrayFrom(coveragesOf(executor, patient.id)).as('coverages'),
    ])
    .executeTakeFirstOrThrow();
  return patientView(patient, lists);
}

/**
 * The same, read by id: the row and its three lists in one statement, one round trip instead of
 * four on every overview. Undefined when there is no such row.
 */
export async function readPresentedPatient(executor: Executor, patientId: string): Promise<PatientView | undefined> {
  const row = await executor
    .selectFrom('patients')
    .selectAll('patients')
    .select([
      jsonArrayFrom(phonesOf(executor, sql.ref('patients.id'))).as('presentedPhones'),
      jsonArrayFrom(identifiersOf(executor, sql.ref('patients.id'))).as('presentedIdentifiers'),
      jsonArrayFrom(coveragesOf(executor, sql.ref('patients.id'))).as('presentedCoverages'),
    ])
    .where('patients.id', '=', patientId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { presentedPhones: phones, presentedIdentifiers: identifiers, presentedCoverages: coverages, ...patient } = row;
  return patientView(patient, { phones, identifiers, coverages });
}

type PatientId = string | Expression<string>;

function phonesOf(executor: Executor, patientId: PatientId) {
  return executor
    .selectFrom('patientPhones')
    .select(['number', 'kind', 'consentToText', 'voicemailSafe'])
    .where('patientId', '=', patientId)
    .orderBy('position');
}

function identifiersOf(executor: Executor, patientId: PatientId) {
  return executor
    .selectFrom('patientIdentifiers')
    .select(['system', 'value', 'label'])
    .where('patientId', '=', patientId)
    .where('retiredAt', 'is', null)
    .orderBy('system');
}

function coveragesOf(executor: Executor, patientId: PatientId) {
  return executor
    .selectFrom('patientCoverages')
    .select(['kind', 'payerName', 'memberId', 'startDate', 'endDate'])
    .where('patientId', '=', patientId)
    .orderBy('startDate', 'desc');
}

function patientView(patient: PatientRow, lists: Pick<PatientView, 'phones' | 'identifiers' | 'coverages'>): PatientView {
  return {
    id: patient.id,
    legalFirstName: patient.legalFirstName,
    legalMiddleName: patient.legalMiddleName,
    legalLastName: patient.legalLastName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    sexAtBirth: patient.sexAtBirth,
    genderIdentity: patient.genderIdentity,
    pronouns: patient.pronouns,
    raceEthnicity: patient.raceEthnicity,
    preferredLanguage: patient.preferredLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    addressLine1: patient.addressLine1,
    addressLine2: patient.addressLine2,
    city: patient.city,
    state: patient.state,
    postalCode: patient.postalCode,
    noFixedAddress: patient.noFixedAddress,
    howToReach: patient.howToReach,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactRelationship: patient.emergencyContactRelationship,
    emergencyContactPhone: patient.emergencyContactPhone,
    phones: lists.phones,
    identifiers: lists.identifiers,
    coverages: lists.coverages,
    mergedIntoId: patient.mergedIntoId,
    version: patient.version,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}
