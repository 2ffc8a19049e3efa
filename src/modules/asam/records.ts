import type { PatientRecordKind } from '../../lib/modules.ts';

/** An ASAM review hangs off its episode and follows it in a merge (the cascading foreign key). */
export const asamReviewKind = {
  table: 'asamReviews',
  recordType: 'asam-review',
  path: '/api/asam-reviews',
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;
