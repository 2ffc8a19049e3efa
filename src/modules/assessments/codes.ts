/** How an assessment was given: in person, by phone or video, or handed to the patient on a device. */
export const ASSESSMENT_MODES = ['in-person', 'phone', 'video', 'patient-device'] as const;
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];

/**
 * in-progress → completed (scored, immutable) → superseded (by a correction);
 * in-progress → abandoned (with a reason).
 */
export const ASSESSMENT_STATUSES = ['in-progress', 'completed', 'abandoned', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'assessments.mode': ASSESSMENT_MODES,
  'assessments.status': ASSESSMENT_STATUSES,
};
