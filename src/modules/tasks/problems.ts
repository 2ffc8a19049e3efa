/** Problem codes of the tasks module, with their params. */
export const PROBLEM_CODES = {
  'task-not-open': ['status'],
  'task-already-open': [],
  'assignee-cannot-see-patient': [],
  'assignee-not-staff': [],
  'assignee-patient-needs-patient': [],
  'episode-not-of-patient': [],
  'source-not-of-patient': [],
  'tasks-not-reassignable': [],
  'not-your-staff': [],
} as const;
