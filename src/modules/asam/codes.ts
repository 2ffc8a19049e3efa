/**
 * The ASAM module's coded values (docs/asam.md). The six dimensions are numbered 1–6 in both
 * editions; their names differ (shared/reference/standards.md) and are the web app's words.
 */
export const ASAM_EDITIONS = ['asam-3', 'asam-4'] as const;
export type AsamEdition = (typeof ASAM_EDITIONS)[number];

export const ASAM_DIMENSIONS = ['1', '2', '3', '4', '5', '6'] as const;
export type AsamDimension = (typeof ASAM_DIMENSIONS)[number];

/** Risk rating per dimension, 0 (none) to 4 (most severe): the reference gives 0–4 for the 3rd edition (see docs/asam.md for the 4th). */
export const RISK_RATING_MIN = 0;
export const RISK_RATING_MAX = 4;

/** in-progress → completed (immutable) → superseded (by a correction, with a reason). */
export const ASAM_REVIEW_STATUSES = ['in-progress', 'completed', 'superseded'] as const;
export type AsamReviewStatus = (typeof ASAM_REVIEW_STATUSES)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'asam_reviews.edition': ASAM_EDITIONS,
  'asam_reviews.status': ASAM_REVIEW_STATUSES,
};
