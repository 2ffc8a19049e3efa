/** Problem codes of the contacts module, with their params. */
export const PROBLEM_CODES = {
  'in-the-future': [],
  'note-signed': [],
  'note-not-signed': [],
  'note-exists': [],
  'not-note-author': [],
  'not-contact-author': [],
  'not-program-supervisor': [],
  'already-cosigned': [],
  'own-note': [],
  'contact-entered-in-error': [],
  'unknown-section': ['section'],
  'episode-of-another-patient': [],
} as const;
