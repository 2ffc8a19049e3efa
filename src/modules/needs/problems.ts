/** Problem codes of needs and strengths, with their params. */
export const PROBLEM_CODES = {
  'need-transition-not-allowed': ['from', 'to'],
  'reason-required': [],
  'need-dismissed': [],
  'assessment-not-in-episode': [],
} as const;
