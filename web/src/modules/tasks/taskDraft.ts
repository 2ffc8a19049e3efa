/** Which kept draft (components/forms/drafts.ts) is a task being added for this patient. */
export const taskDraftForm = (patientId: string) => `task:new:${patientId}`;
