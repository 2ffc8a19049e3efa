/** Problem codes of the consents module, with their params. */
export const PROBLEM_CODES = {
  'consent-not-active': ['state'],
  'disclosure-blocked': ['reason'],
} as const;
