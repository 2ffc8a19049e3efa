/** Problem codes of API keys, with their params. */
export const PROBLEM_CODES = {
  'expiry-out-of-range': [],
  'inactive-user': [],
  'not-an-integration-account': [],
} as const;
