import type { Transaction } from 'kysely';
import type { DB, MergeMoves } from '../../db/schema.ts';
import { requirePermission } from '../../lib/access.ts';
import { writeAudit, actorMeta } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, notFound, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { canSeePatient, withPatientAccess } from './access.ts';

/** Locks both records, in id order so that two opposite merges cannot deadlock. */
async function lockPair(tx: Transaction<DB>, a: string, b: string) {
  const rows = await tx.selectFrom('patients').selectAll().where('id', 'in', [a, b]).orderBy('id').forUpdate().execute();
  return { first: rows.find((row) => row.id === a), second: rows.find((row) => row.id === b) };
}

/**
 * Merges `mergedId` into `survivorId` (docs/patients.md): the merged record's episodes, phones,
 * identifiers and coverages move to the survivor; the merged record is kept and points at it.
 */
export async function mergePatients(
  db: Database,
  ctx: RequestContext,
  survivorId: string,
  input: { mergedPatientId: string; version: number; reason: string },
): Promise<string> {
  requirePermission(ctx.actor, 'patients:register');
  if (input.mergedPatientId === survivorId) throw fieldError('/mergedPatientId', 'same-record', 'is the same record');
  return withPatientAccess(db, ctx, survivorId, async (tx, audit) => {
    if (!(await canSeePatient(tx, ctx.actor, input.mergedPatientId))) {
      await writeAudit(db, actorMeta(ctx), {
        action: 'access-denied',
        recordType: 'patient',
        recordId: input.mergedPatientId,
        patientId: input.mergedPatientId,
      });
      throw notFound();
    }
    const { first: survivor, second: merged } = await lockPair(tx, survivorId, input.mergedPatientId);
    checkVersion(survivor, input.version);
    if (!merged) throw notFound();
    if (survivor?.mergedIntoId) throw conflict('survivor-merged', 'This record was itself merged into another; merge into that one.');
    if (merged.mergedIntoId) throw conflict('already-merged', 'That record is already merged into another.');

    const [episodes, identifiers, coverages, phones, survivorPhones] = await Promise.all([
      tx.selectFrom('episodes').select('id').where('patientId', '=', merged.id).execute(),
      tx.selectFrom('patientIdentifiers').select('id').where('patientId', '=', merged.id).where('retiredAt', 'is', null).execute(),
      tx.selectFrom('patientCoverages').select('id').where('patientId', '=', merged.id).execute(),
      tx.selectFrom('patientPhones').select(['id', 'position']).where('patientId', '=', merged.id).orderBy('position').execute(),
      tx.selectFrom('patientPhones').select('position').where('patientId', '=', survivorId).execute(),
    ]);
    const next = Math.max(-1, ...survivorPhones.map((phone) => phone.position)) + 1;
    if (next + phones.length > 10)
      throw ruleViolation('too-many-phones', 'Together the two records have more than ten phone numbers; remove some first.');
    const moves: MergeMoves = {
      episodes: episodes.map((r) => r.id),
      identifiers: identifiers.map((r) => r.id),
      coverages: coverages.map((r) => r.id),
      phones,
    };

    if (moves.episodes.length) await tx.updateTable('episodes').set({ patientId: survivorId }).where('id', 'in', moves.episodes).execute();
    if (moves.identifiers.length)
      await tx.updateTable('patientIdentifiers').set({ patientId: survivorId }).where('id', 'in', moves.identifiers).execute();
    if (moves.coverages.length)
      await tx.updateTable('patientCoverages').set({ patientId: survivorId }).where('id', 'in', moves.coverages).execute();
    for (const [index, phone] of phones.entries()) {
      await tx
        .updateTable('patientPhones')
        .set({ patientId: survivorId, position: next + index })
        .where('id', '=', phone.id)
        .execute();
    }
    await tx
      .updateTable('patients')
      .set({ mergedIntoId: survivorId, ...nextVersion() })
      .where('id', '=', merged.id)
      .execute();
    await tx.updateTable('patients').set(nextVersion()).where('id', '=', survivorId).execute();
    const mergeId = newId();
    await tx
      .insertInto('patientMerges')
      .values({
        id: mergeId,
        organizationId: ctx.actor.organizationId,
        survivorId,
        mergedId: merged.id,
        moved: JSON.stringify(moves),
        reason: input.reason.trim(),
        mergedBy: ctx.actor.userId,
      })
      .execute();
    const details = { change: 'merged', mergeId, survivorId, mergedId: merged.id };
    await audit({ action: 'update', recordType: 'patient', recordId: survivorId, details });
    await audit({ action: 'update', recordType: 'patient', recordId: merged.id, patientId: merged.id, details });
    return mergeId;
  });
}

/** Undoes a merge exactly: what moved goes back; what was added to the survivor since stays. */
export async function undoMerge(db: Database, ctx: RequestContext, mergeId: string): Promise<string> {
  requirePermission(ctx.actor, 'patients:register');
  const merge = await db
    .selectFrom('patientMerges')
    .selectAll()
    .where('id', '=', mergeId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!merge) throw notFound();
  return withPatientAccess(db, ctx, merge.survivorId, async (tx, audit) => {
    const locked = await tx.selectFrom('patientMerges').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirstOrThrow();
    if (locked.undoneAt) throw conflict('merge-undone', 'This merge was already undone.');
    await lockPair(tx, merge.survivorId, merge.mergedId);
    const moves = locked.moved;
    const back = { patientId: merge.mergedId };
    if (moves.episodes.length)
      await tx.updateTable('episodes').set(back).where('id', 'in', moves.episodes).where('patientId', '=', merge.survivorId).execute();
    if (moves.identifiers.length)
      await tx
        .updateTable('patientIdentifiers')
        .set(back)
        .where('id', 'in', moves.identifiers)
        .where('patientId', '=', merge.survivorId)
        .execute();
    if (moves.coverages.length)
      await tx
        .updateTable('patientCoverages')
        .set(back)
        .where('id', 'in', moves.coverages)
        .where('patientId', '=', merge.survivorId)
        .execute();
    for (const phone of moves.phones) {
      await tx
        .updateTable('patientPhones')
        .set({ ...back, position: phone.position })
        .where('id', '=', phone.id)
        .where('patientId', '=', merge.survivorId)
        .execute();
    }
    await tx
      .updateTable('patients')
      .set({ mergedIntoId: null, ...nextVersion() })
      .where('id', '=', merge.mergedId)
      .execute();
    await tx.updateTable('patients').set(nextVersion()).where('id', '=', merge.survivorId).execute();
    await tx.updateTable('patientMerges').set({ undoneBy: ctx.actor.userId, undoneAt: new Date() }).where('id', '=', mergeId).execute();
    const details = { change: 'merge-undone', mergeId, survivorId: merge.survivorId, mergedId: merge.mergedId };
    await audit({ action: 'update', recordType: 'patient', recordId: merge.survivorId, details });
    await audit({ action: 'update', recordType: 'patient', recordId: merge.mergedId, patientId: merge.mergedId, details });
    return merge.survivorId;
  });
}
