/** Problem codes of reassessment schedules, with their params. */
export const PROBLEM_CODES = {
  'schedule-managers-only': [],
  'unknown-instrument': [],
  'only-for-every': [],
  'duplicate-rule': [],
} as const;
