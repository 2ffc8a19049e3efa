import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * The episodes module's kinds of patient data (src/lib/modules.ts). An episode moves with a
 * merge; its phases, placements and team follow it by the cascading foreign key
 * (migrations/0006), so a merge never has to move them itself.
 */
export const episodeKind = {
  table: 'episodes',
  recordType: 'episode',
  path: '/api/episodes',
  merge: 'move',
  episodeColumn: 'id',
} as const satisfies PatientRecordKind;
export const placementKind = {
  table: 'placements',
  recordType: 'placement',
  path: '/api/placements',
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;
export const careTeamMemberKind = {
  table: 'careTeamMembers',
  recordType: 'care-team-member',
  path: '/api/care-team-members',
  merge: 'cascade',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;

export const episodeRecordKinds: readonly PatientRecordKind[] = [
  episodeKind,
  { table: 'episodePhases', recordType: 'episode-phase', path: null, merge: 'cascade', episodeColumn: 'episode_id' },
  placementKind,
  careTeamMemberKind,
];
