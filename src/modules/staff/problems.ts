/** Problem codes of the staff module, with their params. */
export const PROBLEM_CODES = {
  'unknown-programs': [],
  'email-taken': [],
  'last-admin': [],
  'already-deactivated': [],
  'own-account': [],
  'not-deactivated': [],
  deactivated: [],
  'role-not-for-integration': [],
  'integration-account': [],
} as const;
