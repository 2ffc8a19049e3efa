/** Problem codes of break-the-glass, with their params. */
export const PROBLEM_CODES = {
  'already-has-access': [],
  'clinical-role-required': [],
  'excluded-from-record': [],
} as const;
