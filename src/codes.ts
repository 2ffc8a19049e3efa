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

// Patients (docs/patients.md) ----------------------------------------------------------------

export const SEXES_AT_BIRTH = ['female', 'male', 'intersex', 'unknown', 'declined'] as const;
export const GENDER_IDENTITIES = [
  'woman',
  'man',
  'transgender-woman',
  'transgender-man',
  'non-binary',
  'another',
  'unknown',
  'declined',
] as const;
/** OMB SPD 15 (2024 revision): one combined race and ethnicity question, several answers allowed. */
export const RACE_ETHNICITY = [
  'american-indian-or-alaska-native',
  'asian',
  'black-or-african-american',
  'hispanic-or-latino',
  'middle-eastern-or-north-african',
  'native-hawaiian-or-pacific-islander',
  'white',
  'declined',
] as const;
export const PHONE_KINDS = ['mobile', 'home', 'work', 'other'] as const;
export const IDENTIFIER_SYSTEMS = ['mrn', 'medicaid', 'medicare', 'other'] as const;
export const COVERAGE_KINDS = ['medicaid', 'medicare', 'private', 'marketplace', 'tricare-va', 'uninsured', 'other'] as const;

// Episodes of care -----------------------------------------------------------------------------

export const REFERRAL_SOURCES = [
  'treatment-provider',
  'mental-health-provider',
  'social-services-agency',
  'self',
  'family',
  'court-justice',
  'emergency-department',
  'primary-care',
  'other',
] as const;
export const CLOSURE_REASONS = [
  'goals-met',
  'transferred',
  'moved',
  'lost-to-contact',
  'declined-further-services',
  'incarcerated',
  'died',
  'other',
] as const;
export const EPISODE_PHASES = ['outreach', 'intake', 'primary-treatment', 'continuing-care', 'closed'] as const;
export type EpisodePhase = (typeof EPISODE_PHASES)[number];

/**
 * Levels of care, stored with their edition (shared/reference/standards.md): programs use the
 * ASAM Criteria 3rd (2013) and 4th (2023) editions side by side for years. The 4th edition
 * folds withdrawal management and medication into its levels; the kinds of placement that are
 * not an ASAM level in a program's edition are under `other`.
 */
export const LEVELS_OF_CARE = {
  'asam-3': ['0.5', '1', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4', '1-wm', '2-wm', '3.2-wm', '3.7-wm', '4-wm', 'otp', 'obot'],
  'asam-4': ['1.0', '1.5', '1.7', '2.1', '2.5', '2.7', '3.1', '3.5', '3.7', '4'],
  other: ['obot', 'otp', 'withdrawal-management', 'recovery-housing', 'other'],
} as const;
export type LevelEdition = keyof typeof LEVELS_OF_CARE;
export const LEVEL_EDITIONS = Object.keys(LEVELS_OF_CARE) as LevelEdition[];

export const CARE_TEAM_ROLES = [
  'primary-case-manager',
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'prescriber',
  'counselor',
  'psychiatrist',
  'supervisor',
  'probation-officer',
  'other',
] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];
