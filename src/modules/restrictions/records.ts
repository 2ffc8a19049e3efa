import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * A restriction is addressed through its patient or episode (PUT /api/patients/{id}/restriction,
 * /api/episodes/{id}/restriction), never on its own. An episode's restriction follows the
 * episode in a merge (cascading key); a patient's stays with the merged record (docs/restrictions.md).
 */
export const restrictionKind = {
  table: 'recordRestrictions',
  recordType: 'restriction',
  path: null,
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;
