/**
 * The life domains a need or a strength is recorded in (issue 10; PRODUCT.md's social
 * determinants plus the clinical domains a case manager coordinates). One list for both, so a
 * strength can be set beside the need it may help with.
 */
export const LIFE_DOMAINS = [
  'housing',
  'food',
  'income-and-benefits',
  'employment',
  'education',
  'transportation',
  'childcare',
  'legal-justice',
  'physical-health',
  'mental-health',
  'substance-use',
  'family-and-social-support',
  'safety',
  'communication-language',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** How soon a need must be met: `urgent` is today (no bed tonight, no safety), `soon` within days. */
export const NEED_URGENCIES = ['urgent', 'soon', 'routine'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

/**
 * `proposed` (by a positive screen, waiting for staff) → `identified` (confirmed) or
 * `dismissed` (with a reason). A confirmed need then moves between the working statuses.
 */
export const NEED_STATUSES = [
  'proposed',
  'identified',
  'being-addressed',
  'met',
  'declined-by-patient',
  'unmet-no-resource',
  'dismissed',
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** The statuses of a need staff have confirmed (not a proposal, not dismissed). */
export const WORKING_STATUSES = ['identified', 'being-addressed', 'met', 'declined-by-patient', 'unmet-no-resource'] as const;
/** Still open: something is to be done. */
export const OPEN_STATUSES = ['proposed', 'identified', 'being-addressed'] as const;

/** Where a need came from: a completed screen (named) or a staff member's judgement. */
export const NEED_SOURCES = ['screen', 'staff-judgement'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** The strengths model's four questions: what the patient does well, has, enjoys, and who is there for them. */
export const STRENGTH_KINDS = ['skill', 'resource', 'interest', 'person'] as const;
export type StrengthKind = (typeof STRENGTH_KINDS)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'needs.domain': LIFE_DOMAINS,
  'needs.urgency': NEED_URGENCIES,
  'needs.status': NEED_STATUSES,
  'needs.source': NEED_SOURCES,
  'need_status_changes.from_status': NEED_STATUSES,
  'need_status_changes.to_status': NEED_STATUSES,
  'strengths.domain': LIFE_DOMAINS,
  'strengths.kind': STRENGTH_KINDS,
};
