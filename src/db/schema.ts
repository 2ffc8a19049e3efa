import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed mirror of src/migrations/*.sql, one interface per table, camelCase
 * (Kysely's CamelCasePlugin maps to snake_case). A migration and its mirror change together.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Version = ColumnType<number, number | undefined, number>;

// Foundation ---------------------------------------------------------------------------------

export interface OrganizationsTable {
  id: string;
  name: string;
  timeZone: Generated<string>;
  defaultLocale: Generated<string>;
  isDemo: Generated<boolean>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ProgramsTable {
  id: string;
  organizationId: string;
  name: string;
  caseManagementModel: string;
  description: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deletedAt: Date | null;
}

export interface UsersTable {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  roles: string[];
  status: string;
  locale: Generated<string>;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaEnabledAt: Date | null;
  mfaLastStep: number | null;
  invitationTokenHash: Buffer | null;
  invitationExpiresAt: Date | null;
  lastSignInAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deactivatedAt: Date | null;
}

export interface ProgramMembershipsTable {
  organizationId: string;
  programId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface SessionsTable {
  id: string;
  tokenHash: Buffer;
  organizationId: string;
  userId: string;
  stage: string;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  absoluteExpiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

export interface SignInThrottleTable {
  email: string;
  consecutiveFailures: number;
  lockedUntil: Date | null;
  lastFailureAt: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  organizationId: string;
  userId: string;
  name: string;
  keyPrefix: string;
  keyHash: Buffer;
  createdBy: string;
  createdAt: CreatedAt;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}

export interface AuditEventsTable {
  id: string;
  seq: Generated<number>;
  occurredAt: CreatedAt;
  organizationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  patientId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  chainPosition: number | null;
  prevHash: string | null;
  hash: string | null;
  sealedAt: Date | null;
}

// Patients, episodes, placements, care team ---------------------------------------------------

export interface PatientsTable {
  id: string;
  organizationId: string;
  legalFirstName: string;
  legalMiddleName: string | null;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sexAtBirth: string | null;
  genderIdentity: string | null;
  pronouns: string | null;
  raceEthnicity: Generated<string[]>;
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

export interface PatientPhonesTable {
  id: string;
  organizationId: string;
  patientId: string;
  position: number;
  number: string;
  digits: ColumnType<string, never, never>;
  kind: string;
  consentToText: boolean;
  voicemailSafe: boolean;
}

export interface PatientIdentifiersTable {
  id: string;
  organizationId: string;
  patientId: string;
  system: string;
  value: string;
  label: string | null;
  retiredAt: Date | null;
}

export interface PatientCoveragesTable {
  id: string;
  organizationId: string;
  patientId: string;
  kind: string;
  payerName: string | null;
  memberId: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface EpisodesTable {
  id: string;
  organizationId: string;
  patientId: string;
  programId: string;
  referralSource: string;
  referralDate: string | null;
  firstContactDate: string | null;
  openedOn: string;
  closedOn: string | null;
  closureReason: string | null;
  phase: string;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface EpisodePhasesTable {
  id: string;
  organizationId: string;
  episodeId: string;
  phase: string;
  startedOn: string;
  recordedBy: string;
  recordedAt: CreatedAt;
  note: string | null;
}

export interface PlacementsTable {
  id: string;
  organizationId: string;
  episodeId: string;
  levelEdition: string;
  levelCode: string;
  providerName: string | null;
  startDate: string;
  plannedEndDate: string | null;
  actualEndDate: string | null;
  concurrent: Generated<boolean>;
  note: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CareTeamMembersTable {
  id: string;
  organizationId: string;
  episodeId: string;
  userId: string | null;
  externalName: string | null;
  externalOrganization: string | null;
  externalPhone: string | null;
  role: string;
  startedOn: string;
  endedOn: string | null;
  handoffNote: string | null;
  recordedBy: string;
  createdAt: CreatedAt;
}

export interface PatientMergesTable {
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

/** The rows a merge moved to the survivor (phones with their original positions). */
export interface MergeMoves {
  episodes: string[];
  identifiers: string[];
  coverages: string[];
  phones: { id: string; position: number }[];
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  appliedAt: CreatedAt;
}

export interface DB {
  organizations: OrganizationsTable;
  programs: ProgramsTable;
  users: UsersTable;
  programMemberships: ProgramMembershipsTable;
  sessions: SessionsTable;
  signInThrottle: SignInThrottleTable;
  apiKeys: ApiKeysTable;
  auditEvents: AuditEventsTable;
  schemaMigrations: SchemaMigrationsTable;
  patients: PatientsTable;
  patientPhones: PatientPhonesTable;
  patientIdentifiers: PatientIdentifiersTable;
  patientCoverages: PatientCoveragesTable;
  episodes: EpisodesTable;
  episodePhases: EpisodePhasesTable;
  placements: PlacementsTable;
  careTeamMembers: CareTeamMembersTable;
  patientMerges: PatientMergesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type UserUpdate = Updateable<UsersTable>;
export type PatientRow = Selectable<PatientsTable>;
export type EpisodeRow = Selectable<EpisodesTable>;
export type PlacementRow = Selectable<PlacementsTable>;
export type CareTeamMemberRow = Selectable<CareTeamMembersTable>;
