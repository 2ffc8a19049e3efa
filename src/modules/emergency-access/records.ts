import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * A break-the-glass grant names a patient, so it is registered patient data; it is addressed
 * by the privacy officer's routes, not through the chart (path null). A merge leaves it with
 * the record it opened: it opened that record, not the survivor.
 */
export const emergencyAccessKind = {
  table: 'emergencyAccessGrants',
  recordType: 'emergency-access',
  path: null,
  merge: 'stay',
} as const satisfies PatientRecordKind;
