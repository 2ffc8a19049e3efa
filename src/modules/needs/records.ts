import type { PatientRecordKind } from '../../lib/modules.ts';

/** A need hangs off its episode and follows it in a merge (the cascading foreign key). */
export const needKind = {
  table: 'needs',
  recordType: 'need',
  path: '/api/needs',
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;

/** A status change follows its need (the cascading key on (need, patient)). */
export const needStatusChangeKind = {
  table: 'needStatusChanges',
  recordType: 'need-status-change',
  path: null,
  merge: 'cascade',
} as const satisfies PatientRecordKind;

/** Strengths belong to the person: a merge moves the merged record's to the survivor. */
export const strengthKind = {
  table: 'strengths',
  recordType: 'strength',
  path: '/api/strengths',
  merge: 'move',
} as const satisfies PatientRecordKind;
