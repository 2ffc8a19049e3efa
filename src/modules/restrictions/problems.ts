/** Problem codes of the restrictions module, with their params. */
export const PROBLEM_CODES = {
  'already-restricted': [],
  'not-restricted': [],
  'cannot-exclude-self': [],
  'not-staff-member': [],
  'allowed-and-excluded': [],
  'merge-restricted': [],
} as const;
