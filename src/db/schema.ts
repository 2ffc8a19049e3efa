import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AuditAction, CaseManagementModel, Locale, Role, UserKind, UserStatus } from '../codes.ts';

/**
 * The typed mirror of the migrations, one interface per table, camelCase (Kysely's
 * CamelCasePlugin maps to snake_case). A migration and its mirror change together. This file
 * holds the foundation's tables; a module declares its own in its `tables.ts`, adding them to
 * `DB` by interface merging (`declare module '../../db/schema.ts' { interface DB { … } }`), so
 * a new module edits no central file. Coded columns carry their code unions.
 */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Version = ColumnType<number, number | undefined, number>;

// Foundation ---------------------------------------------------------------------------------

interface OrganizationsTable {
  id: string;
  name: string;
  timeZone: Generated<string>;
  defaultLocale: Generated<Locale>;
  isDemo: Generated<boolean>;
  mfaRequiredForAll: Generated<boolean>;
  /** How long a break-the-glass grant lasts, in hours (src/modules/emergency-access). */
  emergencyAccessHours: Generated<number>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface ProgramsTable {
  id: string;
  organizationId: string;
  name: string;
  caseManagementModel: CaseManagementModel;
  description: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deletedAt: Date | null;
}

interface UsersTable {
  id: string;
  organizationId: string;
  /** A person or an integration account (which has no email, password or second factor). */
  kind: Generated<UserKind>;
  email: string | null;
  displayName: string;
  roles: Role[];
  /** A licence or certification ("LCSW", "CADC-II"), copied onto each contact for billing (contacts module). */
  credential: string | null;
  status: UserStatus;
  locale: Generated<Locale>;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaEnabledAt: Date | null;
  mfaLastStep: number | null;
  invitationTokenHash: Buffer | null;
  invitationExpiresAt: Date | null;
  lastSignInAt: Date | null;
  previousSignInAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  deactivatedAt: Date | null;
}

interface ProgramMembershipsTable {
  organizationId: string;
  programId: string;
  userId: string;
  createdAt: CreatedAt;
}

interface SessionsTable {
  id: string;
  tokenHash: Buffer;
  organizationId: string;
  userId: string;
  stage: 'mfa-enrolment' | 'active';
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  absoluteExpiresAt: Date;
  endedAt: Date | null;
  endReason: 'sign-out' | 'ended-by-user' | 'password-changed' | 'deactivated' | 'rotated' | 'mfa-reset' | null;
  securityEventsSincePreviousSignIn: Generated<number>;
  /** Locked to one assessment in the patient-facing mode (src/modules/patient-mode). */
  patientModeAssessmentId: Generated<string | null>;
  patientModeLocale: Generated<Locale | null>;
  patientModeStartedAt: Generated<Date | null>;
}

interface SignInThrottleTable {
  email: string;
  consecutiveFailures: number;
  lockedUntil: Date | null;
  lastFailureAt: Timestamp;
}

interface ApiKeysTable {
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

interface AuditEventsTable {
  id: string;
  seq: Generated<number>;
  occurredAt: CreatedAt;
  organizationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: AuditAction;
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

interface SchemaMigrationsTable {
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
}

export type UserRow = Selectable<UsersTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
