/**
 * The generic field-error codes schema validation gives, with the names of their params
 * (docs/api.md "Problem codes"). Pure data: the web app's messages are checked against it.
 */
export const FIELD_CODES = {
  required: [],
  'unknown-field': [],
  'too-short': ['min'],
  'too-long': ['max'],
  'too-few-items': ['min'],
  'too-many-items': ['max'],
  format: ['format'],
  pattern: [],
  enum: [],
  type: [],
  minimum: ['limit'],
  maximum: ['limit'],
  'unique-items': [],
  'control-characters': [],
  blank: [],
  invalid: [],
} as const;
