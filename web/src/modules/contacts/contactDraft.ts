/**
 * Which kept draft (components/forms/drafts.ts) is a contact being logged for this patient: from
 * the episode screen (under that episode) or the patient's page (under the open episode).
 */
export const contactDraftForm = (patientId: string, episodeId?: string | null) => `contact:new:${patientId}:${episodeId ?? 'open'}`;
