/**
 * The episodes module's coded values (docs/patients.md): continuum phases, levels of care,
 * care-team roles, referral sources, closure reasons. Pure data.
 */
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
  // Voids an episode that should never have been opened (a second one in the same program):
  // soft and audited, like every closing.
  'opened-in-error',
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
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Which list each coded column holds, for src/codes.test.ts (checked against the CHECKs both ways). */
export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'episodes.referral_source': REFERRAL_SOURCES,
  'episodes.closure_reason': CLOSURE_REASONS,
  'episodes.phase': EPISODE_PHASES,
  'episode_phases.phase': EPISODE_PHASES,
  'placements.level_edition': LEVEL_EDITIONS,
  'care_team_members.role': CARE_TEAM_ROLES,
};
