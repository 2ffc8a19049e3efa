import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { CoverageKind, GenderIdentity, IdentifierSystem, PhoneKind, RaceEthnicity, ReviewStatus, SexAtBirth } from './codes.ts';

/** The patients module's tables (src/migrations/0002, modules/patients/migrations), typed. */
interface PatientsTable {
  id: string;
  organizationId: string;
  legalFirstName: string;
  legalMiddleName: string | null;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sexAtBirth: SexAtBirth | null;
  genderIdentity: GenderIdentity | null;
  pronouns: string | null;
  raceEthnicity: Generated<RaceEthnicity[]>;
  preferredLanguage: Generated<string>;
  interpreterNeeded: Generated<boolean>;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  noFixedAddress: Generated<boolean>;
  howToReach: string | null;
  emergencyContactName: string | null;
  emergencyContactRelationship: string | null;
  emergencyContactPhone: string | null;
  searchName: ColumnType<string, never, never>;
  createdBy: string;
  mergedIntoId: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deletedAt: Date | null;
}

interface PatientPhonesTable {
  id: string;
  organizationId: string;
  patientId: string;
  position: number;
  number: string;
  digits: ColumnType<string, never, never>;
  kind: PhoneKind;
  consentToText: boolean;
  voicemailSafe: boolean;
}

interface PatientIdentifiersTable {
  id: string;
  organizationId: string;
  patientId: string;
  system: IdentifierSystem;
  value: string;
  label: string | null;
  retiredAt: Date | null;
}

interface PatientCoveragesTable {
  id: string;
  organizationId: string;
  patientId: string;
  kind: CoverageKind;
  payerName: string | null;
  memberId: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** For each program, the names of its patients, for search (migration 0390; kept by triggers). */
interface ProgramSearchNamesTable {
  id: Generated<string>;
  organizationId: string;
  programId: string;
  patientId: string;
  searchName: string;
  episodes: number;
}

/** What a merge moved, per table of patient data (the registry's table names). */
export type MergeMoves = Record<string, unknown[]>;

interface PatientMergesTable {
  id: string;
  organizationId: string;
  survivorId: string;
  mergedId: string;
  moved: ColumnType<MergeMoves, string, never>;
  reason: string;
  mergedBy: string;
  mergedAt: CreatedAt;
  undoneBy: string | null;
  undoneAt: Date | null;
}

interface RegistrationReviewsTable {
  id: string;
  organizationId: string;
  requestedBy: string;
  requestedAt: CreatedAt;
  registration: ColumnType<Record<string, unknown>, string, never>;
  candidateIds: string[];
  status: Generated<ReviewStatus>;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  registeredPatientId: string | null;
  version: Version;
}

declare module '../../db/schema.ts' {
  interface DB {
    registrationReviews: RegistrationReviewsTable;
    patients: PatientsTable;
    patientPhones: PatientPhonesTable;
    patientIdentifiers: PatientIdentifiersTable;
    patientCoverages: PatientCoveragesTable;
    patientMerges: PatientMergesTable;
    programSearchNames: ProgramSearchNamesTable;
  }
}

export type PatientRow = Selectable<PatientsTable>;
