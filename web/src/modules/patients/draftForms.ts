// Which kept draft (components/forms/drafts.ts) belongs to which of the patient dialogs: apart
// from the dialogs, so that the overview can ask whether one is to be reopened without loading
// their code (LazyOverviewDialogs.tsx).

/** Registering a patient (`null`) or editing this one. */
export const patientDraftForm = (patientId: string | null) => `patient:${patientId ?? 'new'}`;

/** An episode being opened for this patient. */
export const openEpisodeDraftForm = (patientId: string) => `episode:new:${patientId}`;

/** Merging this patient's record into another. */
export const mergeDraftForm = (patientId: string) => `patient:${patientId}:merge`;
