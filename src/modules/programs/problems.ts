/** Problem codes of the programs module, with their params. */
export const PROBLEM_CODES = {
  'duplicate-program-name': [],
  'not-program-staff': [],
} as const;
