import type { PatientRecordKind } from '../../lib/modules.ts';

/** A consent is the patient's: a merge moves it (and its disclosures follow by the cascading key). */
export const consentKind = {
  table: 'consents',
  recordType: 'consent',
  path: '/api/consents',
  merge: 'move',
} as const satisfies PatientRecordKind;

/** Disclosures under a consent follow it; emergency disclosures (no consent) move with the patient. */
export const disclosureKind = {
  table: 'disclosures',
  recordType: 'disclosure',
  path: null,
  merge: 'move',
} as const satisfies PatientRecordKind;
