/**
 * The patients module's coded values (docs/patients.md), declared once: API schemas, the
 * database CHECKs (src/codes.test.ts) and the web app's options use them. Pure data.
 */
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
export type SexAtBirth = (typeof SEXES_AT_BIRTH)[number];
export type GenderIdentity = (typeof GENDER_IDENTITIES)[number];
export type RaceEthnicity = (typeof RACE_ETHNICITY)[number];
export type PhoneKind = (typeof PHONE_KINDS)[number];
export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number];
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** Which list each coded column holds, for src/codes.test.ts (checked against the CHECKs both ways). */
export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'patients.sex_at_birth': SEXES_AT_BIRTH,
  'patients.gender_identity': GENDER_IDENTITIES,
  'patients.race_ethnicity': RACE_ETHNICITY,
  'patient_phones.kind': PHONE_KINDS,
  'patient_identifiers.system': IDENTIFIER_SYSTEMS,
  'patient_coverages.kind': COVERAGE_KINDS,
};
