import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import { conflict } from '../../lib/errors.ts';
import type { MergeMover, PatientRecordKind } from '../../lib/modules.ts';

/**
 * A merge must not drop a restriction: merging a restricted record into another would leave
 * its data under the survivor's looser rule (and its excluded staff let back in). So a record
 * restricted as a whole is never the one merged away: keep it as the survivor, or lift its
 * restriction first. An episode's restriction follows the episode (cascading key), and a
 * restricted survivor stays restricted, with the merged record's data now under its rule.
 */
const keepPatientRestrictions: MergeMover = {
  async move(executor: Executor, mergedId: string): Promise<unknown[]> {
    const restricted = await sql<{ id: string }>`
      SELECT id FROM record_restrictions WHERE patient_id = ${mergedId}::uuid AND episode_id IS NULL AND lifted_at IS NULL`.execute(
      executor,
    );
    if (restricted.rows.length > 0)
      throw conflict('merge-restricted', 'This record is restricted. Keep it as the record to merge into, or lift its restriction first.');
    return [];
  },
  async undo(): Promise<void> {
    // Nothing moved.
  },
};

/**
 * A restriction is addressed through its patient or episode (PUT /api/patients/{id}/restriction,
 * /api/episodes/{id}/restriction), never on its own. In a merge, see keepPatientRestrictions.
 */
export const restrictionKind = {
  table: 'recordRestrictions',
  recordType: 'restriction',
  path: null,
  merge: keepPatientRestrictions,
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;
