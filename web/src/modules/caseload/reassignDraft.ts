/**
 * Which kept draft (components/forms/drafts.ts) is a reassignment being prepared: one started
 * from the caseload's own button (`fromUserId` null) or from a colleague's row in the team's load.
 * Apart from the dialog so that My caseload knows whether to open it without loading its code.
 */
export const reassignDraftForm = (fromRow: boolean) => `caseload:reassign:${fromRow ? 'team' : 'caseload'}`;
