import type { PatientRecordKind } from '../../lib/modules.ts';

/** An assessment hangs off its episode and follows it in a merge (the cascading foreign key). */
export const assessmentKind = {
  table: 'assessments',
  recordType: 'assessment',
  path: '/api/assessments',
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;
