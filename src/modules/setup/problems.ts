/** Problem codes of first-run setup. */
export const PROBLEM_CODES = {
  'already-set-up': [],
} as const;
