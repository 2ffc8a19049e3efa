/** Problem codes of the assessments module, with their params. */
export const PROBLEM_CODES = {
  'assessment-not-in-progress': ['status'],
  'assessment-not-completed': [],
  'assessment-already-corrected': [],
  'assessment-no-crisis': [],
} as const;
