/** Problem codes of the instruments module, with their params. */
export const PROBLEM_CODES = {
  'invalid-answers': [],
  'unknown-item': ['item'],
  'answer-required': ['item'],
  'item-not-asked': ['item'],
  'answer-not-allowed': ['item', 'allowed'],
  'context-required': ['field'],
  'invalid-definition': [],
  'built-in-instrument': [],
  'instrument-version-exists': [],
} as const;
