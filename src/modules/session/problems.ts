/** Problem codes of sign-in, second factors and passwords (setup and staff links share the password ones). */
export const PROBLEM_CODES = {
  'totp-already-used': [],
  'invalid-totp': [],
  'enrolment-not-started': [],
  'wrong-current-password': [],
  'common-password': [],
  'repeated-character': [],
  'built-from-email': [],
} as const;
