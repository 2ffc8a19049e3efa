import type { Strength } from './needQueries.ts';

/** Which kept draft (components/forms/drafts.ts) is a strength being added or edited. */
export const strengthDraftForm = (patientId: string, strength: Strength | null) => `strength:${patientId}:${strength?.id ?? 'new'}`;
