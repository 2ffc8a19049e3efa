/** Problem codes of first-run setup. */
export const PROBLEM_CODES = {
  'already-set-up': [],
  'wrong-setup-code': [],
} as const;
