/** The privacy officer's finding on one break-the-glass event (docs/emergency-access.md). */
export const EMERGENCY_ACCESS_FINDINGS = ['appropriate', 'inappropriate', 'needs-follow-up'] as const;
export type EmergencyAccessFinding = (typeof EMERGENCY_ACCESS_FINDINGS)[number];

/** Where a grant stands: in force, ended early by its holder, or run out. */
export const EMERGENCY_ACCESS_STATES = ['active', 'ended', 'expired'] as const;
export type EmergencyAccessState = (typeof EMERGENCY_ACCESS_STATES)[number];

/** The review queue's two lists. */
export const EMERGENCY_ACCESS_REVIEW_STATUSES = ['awaiting-review', 'reviewed'] as const;
export type EmergencyAccessReviewStatus = (typeof EMERGENCY_ACCESS_REVIEW_STATUSES)[number];

/** How long a grant lasts, in hours: the organization's setting (organizations.emergency_access_hours). */
export const EMERGENCY_ACCESS_HOURS = { default: 4, min: 1, max: 24 } as const;

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'emergency_access_grants.finding': EMERGENCY_ACCESS_FINDINGS,
};
