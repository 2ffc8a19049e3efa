/** Problem codes of the patient-facing mode, with their params. */
export const PROBLEM_CODES = {
  'patient-mode-locked': [],
} as const;
