/**
 * The product's coded values, declared once: the API schemas (Type.Enum), the database CHECK
 * constraints (kept equal by src/codes.test.ts) and the web app's options all use these.
 * Lower-case kebab-case, the same in the database, the API and the OpenAPI enums (docs/api-conventions.md).
 * Pure data: the web app imports this file too.
 */
export const ROLES = [
  'admin',
  'supervisor',
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'prescriber',
  'counselor',
  'privacy-officer',
] as const;
export type Role = (typeof ROLES)[number];

/** TIP 27's case management models (shared/PRODUCT.md); each program follows one. */
export const CASE_MANAGEMENT_MODELS = [
  'broker-generalist',
  'strengths-perspective',
  'assertive-community-treatment',
  'clinical-rehabilitation',
  'nurse-care-manager',
  'community-health-worker',
] as const;
export type CaseManagementModel = (typeof CASE_MANAGEMENT_MODELS)[number];

/** Roles that serve patients: only they register patients and sit on care teams (docs/patients.md). */
export const CLINICAL_ROLES = [
  'supervisor',
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'prescriber',
  'counselor',
] as const satisfies readonly Role[];

/** A person signs in; an integration account is what API keys act as (docs/security.md). */
export const USER_KINDS = ['person', 'integration'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * The roles an integration account may hold: clinical roles that never require a second
 * factor (src/lib/access.ts), so a key can never hold what a person needs MFA for.
 */
export const INTEGRATION_ROLES = [
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'prescriber',
  'counselor',
] as const satisfies readonly Role[];

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'sign-in',
  'sign-in-failure',
  'sign-out',
  'access-denied',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

// Each module declares its own codes in its codes.ts; the spine's are re-exported here for the
// web app's convenience (a new module's web pages import its codes.ts directly).
export {
  COVERAGE_KINDS,
  GENDER_IDENTITIES,
  IDENTIFIER_SYSTEMS,
  PHONE_KINDS,
  RACE_ETHNICITY,
  SEXES_AT_BIRTH,
} from './modules/patients/codes.ts';
export {
  CARE_TEAM_ROLES,
  CLOSURE_REASONS,
  EPISODE_PHASES,
  LEVEL_EDITIONS,
  LEVELS_OF_CARE,
  REFERRAL_SOURCES,
} from './modules/episodes/codes.ts';
