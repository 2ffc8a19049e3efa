/** Problem codes of the ASAM module, with their params. */
export const PROBLEM_CODES = {
  'asam-review-not-in-progress': ['status'],
  'asam-review-not-completed': [],
  'asam-review-already-corrected': [],
  'rating-required': [],
  'level-required': [],
  'difference-reason-required': [],
  'asam-review-other-episode': [],
  'asam-review-not-usable': ['status'],
  'asam-review-incomplete': [],
} as const;
