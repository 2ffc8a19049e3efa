/**
 * The generic codes a field error carries when schema validation refuses a value: code → the
 * names of the params it sends with it. Pure data with no imports, so the web app's test can
 * import it and check that every code has English and Spanish words with only these params.
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
