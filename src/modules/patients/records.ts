import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import { ruleViolation } from '../../lib/errors.ts';
import type { MergeMover, PatientRecordKind } from '../../lib/modules.ts';

/** The patients module's kinds of patient data (src/lib/modules.ts), for access and merges. */
export const patientKind = {
  table: 'patients',
  recordType: 'patient',
  path: '/api/patients',
  merge: 'stay',
  patientColumn: 'id',
} as const satisfies PatientRecordKind;
export const mergeKind = {
  table: 'patientMerges',
  recordType: 'patient-merge',
  path: '/api/patient-merges',
  merge: 'stay',
  patientColumn: 'survivor_id',
} as const satisfies PatientRecordKind;

const MAX_PHONES = 10;

/** Phones keep their order: the merged record's follow the survivor's, and go back where they were. */
const phonesMover: MergeMover = {
  async move(executor: Executor, mergedId: string, survivorId: string) {
    const [phones, survivorPhones] = await Promise.all([
      executor.selectFrom('patientPhones').select(['id', 'position']).where('patientId', '=', mergedId).orderBy('position').execute(),
      executor.selectFrom('patientPhones').select('position').where('patientId', '=', survivorId).execute(),
    ]);
    const next = Math.max(-1, ...survivorPhones.map((phone) => phone.position)) + 1;
    if (next + phones.length > MAX_PHONES)
      throw ruleViolation('too-many-phones', 'Together the two records have more than ten phone numbers; remove some first.');
    for (const [index, phone] of phones.entries()) {
      await executor
        .updateTable('patientPhones')
        .set({ patientId: survivorId, position: next + index })
        .where('id', '=', phone.id)
        .execute();
    }
    return phones;
  },
  async undo(executor: Executor, moved: unknown[], mergedId: string, survivorId: string) {
    for (const phone of moved as { id: string; position: number }[]) {
      await executor
        .updateTable('patientPhones')
        .set({ patientId: mergedId, position: phone.position })
        .where('id', '=', phone.id)
        .where('patientId', '=', survivorId)
        .execute();
    }
  },
};

export const patientRecordKinds: readonly PatientRecordKind[] = [
  patientKind,
  { table: 'patientPhones', recordType: 'patient-phone', path: null, merge: phonesMover },
  // A retired identifier stays with the record that carried it.
  { table: 'patientIdentifiers', recordType: 'patient-identifier', path: null, merge: 'move', mergeFilter: sql`retired_at IS NULL` },
  { table: 'patientCoverages', recordType: 'patient-coverage', path: null, merge: 'move' },
  mergeKind,
  // Search's copy of names by program (migration 0390): triggers on episodes and patients keep
  // it, so a merge leaves it to them (the merged record's episodes move, and their rows with them).
  { table: 'programSearchNames', recordType: 'program-search-name', path: null, merge: 'stay' },
];
