import { sql } from 'kysely';
import type { PatientRecordKind } from '../../lib/modules.ts';

/**
 * A task of a patient is patient data. A task in an episode follows the episode in a merge
 * (the cascading key); one about the patient alone moves with the patient. Tasks without a
 * patient are a staff member's own and never reach the patient access check (service.ts).
 */
export const taskKind = {
  table: 'tasks',
  recordType: 'task',
  path: '/api/tasks',
  merge: 'move',
  mergeFilter: sql`episode_id IS NULL`,
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;

/** A task's history follows its task (the cascading key). */
export const taskEventKind = {
  table: 'taskEvents',
  recordType: 'task-event',
  path: null,
  merge: 'cascade',
} as const satisfies PatientRecordKind;
