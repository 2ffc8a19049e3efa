/** Problem codes of the organization settings (and setup, which shares the time zone check). */
export const PROBLEM_CODES = {
  'unknown-time-zone': [],
} as const;
