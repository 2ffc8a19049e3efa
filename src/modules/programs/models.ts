/**
 * Case management models (TIP 27 via shared/PRODUCT.md). A program picks one; later issues use
 * it to decide which activities the program's screens offer and expect.
 */
export const CASE_MANAGEMENT_MODELS = [
  'broker-generalist',
  'strengths-perspective',
  'assertive-community-treatment',
  'clinical-rehabilitation',
  'nurse-care-manager',
  'community-health-worker',
] as const;
export type CaseManagementModel = (typeof CASE_MANAGEMENT_MODELS)[number];
