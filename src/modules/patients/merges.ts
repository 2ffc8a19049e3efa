import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Audit, Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { ModuleRegistry, PatientRecordKind } from '../../lib/modules.ts';
import { checkPatientRecord, readPatientRecord, withPatientRecord } from './access.ts';
import { requireRegistrar } from './permissions.ts';
import { mergeKind, patientKind } from './records.ts';
import type { MergeMoves } from './tables.ts';

/** Locks both records, in id order so that two opposite merges cannot deadlock. */
async function lockPair(tx: Transaction<DB>, a: string, b: string) {
  const rows = await tx.selectFrom('patients').selectAll().where('id', 'in', [a, b]).orderBy('id').forUpdate().execute();
  return { first: rows.find((row) => row.id === a), second: rows.find((row) => row.id === b) };
}

/** Moves one kind's rows of `from` to `to`; returns what moved (ids, or the custom mover's record). */
async function moveKind(executor: Executor, kind: PatientRecordKind, from: string, to: string): Promise<unknown[]> {
  if (typeof kind.merge === 'object') return kind.merge.move(executor, from, to);
  if (kind.merge !== 'move') return [];
  const moved = await sql<{ id: string }>`
    UPDATE ${sql.table(kind.table)} SET patient_id = ${to}::uuid
     WHERE patient_id = ${from}::uuid ${kind.mergeFilter ? sql`AND (${kind.mergeFilter})` : sql``}
    RETURNING id`.execute(executor);
  return moved.rows.map((row) => row.id);
}

async function undoKind(
  executor: Executor,
  kind: PatientRecordKind,
  moved: unknown[],
  mergedId: string,
  survivorId: string,
): Promise<void> {
  if (moved.length === 0) return;
  if (typeof kind.merge === 'object') return kind.merge.undo(executor, moved, mergedId, survivorId);
  await sql`UPDATE ${sql.table(kind.table)} SET patient_id = ${mergedId}::uuid
             WHERE id = ANY (${moved}::uuid[]) AND patient_id = ${survivorId}::uuid`.execute(executor);
}

async function markMerged(tx: Transaction<DB>, mergedId: string, survivorId: string, into: string | null, audit: Audit, details: object) {
  await tx
    .updateTable('patients')
    .set({ mergedIntoId: into, ...nextVersion() })
    .where('id', '=', mergedId)
    .execute();
  await tx.updateTable('patients').set(nextVersion()).where('id', '=', survivorId).execute();
  const entry = { action: 'update' as const, recordType: 'patient', details: { ...details, survivorId, mergedId } };
  await audit({ ...entry, recordId: survivorId, patientId: survivorId });
  await audit({ ...entry, recordId: mergedId, patientId: mergedId });
}

/**
 * Merges `mergedId` into `survivorId` (docs/patients.md): every kind of patient data the
 * modules register moves to the survivor as its kind says (rows that hang off an episode follow
 * it); the merged record is kept and points at the survivor. What moved is recorded, per
 * table, so the merge can be undone exactly.
 */
export async function mergePatients(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  survivorId: string,
  input: { mergedPatientId: string; version: number; reason: string },
): Promise<string> {
  return withPatientRecord(db, ctx, patientKind, survivorId, async (tx, audit) => {
    requireRegistrar(ctx.actor);
    if (input.mergedPatientId === survivorId) throw fieldError('/mergedPatientId', 'same-record', 'is the same record');
    await checkPatientRecord(tx, ctx.actor, patientKind, input.mergedPatientId, { lock: false });
    const { first: survivor, second: merged } = await lockPair(tx, survivorId, input.mergedPatientId);
    checkVersion(survivor, input.version);
    if (survivor?.mergedIntoId) throw conflict('survivor-merged', 'This record was itself merged into another; merge into that one.');
    if (merged?.mergedIntoId) throw conflict('already-merged', 'That record is already merged into another.');

    const moves: MergeMoves = {};
    for (const kind of registry.patientRecords) {
      const moved = await moveKind(tx, kind, input.mergedPatientId, survivorId);
      if (moved.length > 0) moves[kind.table] = moved;
    }
    const mergeId = newId();
    await tx
      .insertInto('patientMerges')
      .values({
        id: mergeId,
        organizationId: ctx.actor.organizationId,
        survivorId,
        mergedId: input.mergedPatientId,
        moved: JSON.stringify(moves),
        reason: input.reason.trim(),
        mergedBy: ctx.actor.userId,
      })
      .execute();
    await markMerged(tx, input.mergedPatientId, survivorId, survivorId, audit, { change: 'merged', mergeId });
    return mergeId;
  });
}

/** Undoes a merge exactly: what moved goes back; what was added to the survivor since stays. */
export async function undoMerge(db: Database, ctx: RequestContext, registry: ModuleRegistry, mergeId: string): Promise<string> {
  return withPatientRecord(db, ctx, mergeKind, mergeId, async (tx, audit) => {
    requireRegistrar(ctx.actor);
    const merge = await tx.selectFrom('patientMerges').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow();
    if (merge.undoneAt) throw conflict('merge-undone', 'This merge was already undone.');
    await lockPair(tx, merge.survivorId, merge.mergedId);
    for (const kind of [...registry.patientRecords].reverse()) {
      await undoKind(tx, kind, merge.moved[kind.table] ?? [], merge.mergedId, merge.survivorId);
    }
    await tx.updateTable('patientMerges').set({ undoneBy: ctx.actor.userId, undoneAt: new Date() }).where('id', '=', mergeId).execute();
    await markMerged(tx, merge.mergedId, merge.survivorId, null, audit, { change: 'merge-undone', mergeId });
    return merge.survivorId;
  });
}

export async function getMerge(db: Database, ctx: RequestContext, mergeId: string) {
  return readPatientRecord(db, ctx, mergeKind, mergeId, async (tx) => {
    const merge = await tx
      .selectFrom('patientMerges')
      .select(['id', 'survivorId', 'mergedId', 'reason', 'mergedBy', 'mergedAt', 'undoneBy', 'undoneAt'])
      .where('id', '=', mergeId)
      .executeTakeFirstOrThrow();
    return { ...merge, mergedAt: merge.mergedAt.toISOString(), undoneAt: merge.undoneAt?.toISOString() ?? null };
  });
}
