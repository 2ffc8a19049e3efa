/** Problem codes of the HTTP layer itself (src/lib/http/problems.ts), with their params. */
export const PROBLEM_CODES = {
  'empty-body': [],
  'invalid-json': [],
  'invalid-value': [],
  'unique-violation': [],
  'concurrent-change': [],
  'data-rule': [],
  'no-such-route': [],
  'not-ready': [],
  'server-busy': [],
  'unknown-api-key': [],
  'session-expired': [],
  'api-key-not-allowed': [],
  'not-signed-in': [],
  'malformed-url': [],
} as const;
