/** Problem codes of sign-in, second factors and passwords (setup and staff links share the password ones). */
export const PROBLEM_CODES = {
  'totp-already-used': [],
  'invalid-totp': [],
  'enrolment-not-started': [],
  'wrong-current-password': [],
  'common-password': [],
  'repeated-character': [],
  'built-from-email': [],
  'too-guessable': [],
  'invalid-recovery-code': [],
  'choose-organization': [],
  'mfa-not-enrolled': [],
  busy: [],
} as const;
