/** The restrictions module's coded values (docs/restrictions.md). Pure data. */

/** Why a record is restricted: codes only, so the audit trail and the privacy officer's list carry no free text. */
export const RESTRICTION_REASONS = ['staff-relative', 'staff-member', 'public-figure', 'patient-request', 'safety', 'other'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'record_restrictions.reason': RESTRICTION_REASONS,
};
