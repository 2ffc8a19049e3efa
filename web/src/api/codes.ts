// The coded values the UI offers as options, checked against the OpenAPI enums so that the
// two can never drift: a code added on the server fails the web typecheck until it is named.
import {
  CASE_MANAGEMENT_MODELS,
  LOCALES,
  INTEGRATION_ROLES,
  ROLES,
  USER_STATUSES,
  CARE_TEAM_ROLES,
  CLOSURE_REASONS,
  COVERAGE_KINDS,
  EPISODE_PHASES,
  GENDER_IDENTITIES,
  IDENTIFIER_SYSTEMS,
  LEVEL_EDITIONS,
  LEVELS_OF_CARE,
  PHONE_KINDS,
  RACE_ETHNICITY,
  REFERRAL_SOURCES,
  SEXES_AT_BIRTH,
} from '../../../src/codes.ts';
// The table of allowed phase moves is the server's own (pure data beside src/codes.ts).
import { OPENING_PHASES, PHASE_TRANSITIONS } from '../../../src/modules/episodes/phases.ts';
import type { CaseManagementModel, Locale, RequestBody, Role, UserStatus } from './types.ts';

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;

// Declared once, in src/codes.ts, beside the API schemas and the database CHECKs.
export const roles = ROLES satisfies readonly Role[];
/** @public A compile-time check that the list names every code. */
export type RolesCovered = Assert<Covers<Role, (typeof roles)[number]>>;

/** The roles an integration account may hold (clinical roles that never need a second factor). */
export const integrationRoles = INTEGRATION_ROLES satisfies readonly Role[];
export type IntegrationRole = (typeof integrationRoles)[number];
export const isIntegrationRole = (role: Role): role is IntegrationRole => (integrationRoles as readonly Role[]).includes(role);

export const caseManagementModels = CASE_MANAGEMENT_MODELS satisfies readonly CaseManagementModel[];
/** @public A compile-time check that the list names every code. */
export type CaseManagementModelsCovered = Assert<Covers<CaseManagementModel, (typeof caseManagementModels)[number]>>;

export const userStatuses = USER_STATUSES satisfies readonly UserStatus[];
/** @public A compile-time check that the list names every code. */
export type UserStatusesCovered = Assert<Covers<UserStatus, (typeof userStatuses)[number]>>;

export const locales = LOCALES satisfies readonly Locale[];
/** @public A compile-time check that the list names every code. */
export type LocalesCovered = Assert<Covers<Locale, (typeof locales)[number]>>;

export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}

// Patients and episodes of care (docs/patients.md) ---------------------------------------------

type NewPatient = RequestBody<'/api/patients', 'post'>;
type NewEpisode = RequestBody<'/api/patients/{id}/episodes', 'post'>;
type NewPlacement = RequestBody<'/api/episodes/{id}/placements', 'post'>;
type NewMember = RequestBody<'/api/episodes/{id}/care-team', 'post'>;
type Transition = RequestBody<'/api/episodes/{id}/transitions', 'post'>;

export type SexAtBirth = NonNullable<NewPatient['sexAtBirth']>;
export type GenderIdentity = NonNullable<NewPatient['genderIdentity']>;
export type RaceEthnicity = NonNullable<NewPatient['raceEthnicity']>[number];
export type PhoneKind = NonNullable<NewPatient['phones']>[number]['kind'];
export type IdentifierSystem = NonNullable<NewPatient['identifiers']>[number]['system'];
export type CoverageKind = NonNullable<NewPatient['coverages']>[number]['kind'];
export type ReferralSource = NewEpisode['referralSource'];
export type EpisodePhase = Transition['to'];
export type ClosureReason = NonNullable<Transition['closureReason']>;
export type LevelEdition = NewPlacement['levelEdition'];
export type CareTeamRole = NewMember['role'];

export const sexesAtBirth = SEXES_AT_BIRTH satisfies readonly SexAtBirth[];
/** @public A compile-time check that the list names every code. */
export type SexesAtBirthCovered = Assert<Covers<SexAtBirth, (typeof sexesAtBirth)[number]>>;
export const genderIdentities = GENDER_IDENTITIES satisfies readonly GenderIdentity[];
/** @public A compile-time check that the list names every code. */
export type GenderIdentitiesCovered = Assert<Covers<GenderIdentity, (typeof genderIdentities)[number]>>;
export const raceEthnicities = RACE_ETHNICITY satisfies readonly RaceEthnicity[];
/** @public A compile-time check that the list names every code. */
export type RaceEthnicitiesCovered = Assert<Covers<RaceEthnicity, (typeof raceEthnicities)[number]>>;
export const phoneKinds = PHONE_KINDS satisfies readonly PhoneKind[];
/** @public A compile-time check that the list names every code. */
export type PhoneKindsCovered = Assert<Covers<PhoneKind, (typeof phoneKinds)[number]>>;
export const identifierSystems = IDENTIFIER_SYSTEMS satisfies readonly IdentifierSystem[];
/** @public A compile-time check that the list names every code. */
export type IdentifierSystemsCovered = Assert<Covers<IdentifierSystem, (typeof identifierSystems)[number]>>;
export const coverageKinds = COVERAGE_KINDS satisfies readonly CoverageKind[];
/** @public A compile-time check that the list names every code. */
export type CoverageKindsCovered = Assert<Covers<CoverageKind, (typeof coverageKinds)[number]>>;
export const referralSources = REFERRAL_SOURCES satisfies readonly ReferralSource[];
/** @public A compile-time check that the list names every code. */
export type ReferralSourcesCovered = Assert<Covers<ReferralSource, (typeof referralSources)[number]>>;
export const episodePhases = EPISODE_PHASES satisfies readonly EpisodePhase[];
/** @public A compile-time check that the list names every code. */
export type EpisodePhasesCovered = Assert<Covers<EpisodePhase, (typeof episodePhases)[number]>>;
export const openingPhases = OPENING_PHASES satisfies readonly NewEpisode['phase'][];
export const closureReasons = CLOSURE_REASONS satisfies readonly ClosureReason[];
/** @public A compile-time check that the list names every code. */
export type ClosureReasonsCovered = Assert<Covers<ClosureReason, (typeof closureReasons)[number]>>;
export const levelEditions = LEVEL_EDITIONS satisfies readonly LevelEdition[];
export const levelsOfCare: Readonly<Record<LevelEdition, readonly string[]>> = LEVELS_OF_CARE;
export const careTeamRoles = CARE_TEAM_ROLES satisfies readonly CareTeamRole[];
/** @public A compile-time check that the list names every code. */
export type CareTeamRolesCovered = Assert<Covers<CareTeamRole, (typeof careTeamRoles)[number]>>;
/** Where an episode may move from each phase (the server answers 409 to any other move). */
export const phaseTransitions: Readonly<Record<EpisodePhase, readonly EpisodePhase[]>> = PHASE_TRANSITIONS;

/** Roles that serve patients: they see charts of the patients they care for (docs/patients.md). */
export const clinicalRoles: readonly Role[] = [
  'supervisor',
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'counselor',
  'prescriber',
];
