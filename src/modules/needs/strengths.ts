import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changedFields, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';
import { presentStrength, type StrengthView } from './presenter.ts';
import { strengthKind } from './records.ts';
import type { StrengthBody, UpdateStrengthBody } from './schemas.ts';

/**
 * The strengths inventory (docs/needs.md): per patient, not per episode, because what someone
 * does well, has, enjoys and who stands by them carries from one episode of care to the next.
 */
export function patientStrengthsQuery(executor: Executor, patientId: string) {
  return executor
    .selectFrom('strengths')
    .selectAll()
    .where('patientId', '=', patientId)
    .where('deletedAt', 'is', null)
    .orderBy('domain')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(500);
}

export async function listStrengths(db: Database, ctx: RequestContext, patientId: string): Promise<StrengthView[]> {
  return readPatientRecord(db, ctx, patientKind, patientId, async (tx) =>
    (await patientStrengthsQuery(tx, patientId).execute()).map(presentStrength),
  );
}

async function liveStrength(tx: Transaction<DB>, id: string) {
  const row = await tx.selectFrom('strengths').selectAll().where('id', '=', id).executeTakeFirst();
  // A deleted strength is gone for the API; the row stays for the audit trail.
  return row?.deletedAt ? undefined : row;
}

export async function getStrength(db: Database, ctx: RequestContext, id: string): Promise<StrengthView> {
  return readPatientRecord(db, ctx, strengthKind, id, async (tx) => {
    const row = await liveStrength(tx, id);
    if (!row) throw notFound();
    return presentStrength(row);
  });
}

export async function createStrength(db: Database, ctx: RequestContext, patientId: string, input: StrengthBody): Promise<StrengthView> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    const row = await tx
      .insertInto('strengths')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        patientId,
        domain: input.domain,
        kind: input.kind,
        description: input.description.trim(),
        inPatientsWords: input.inPatientsWords ?? false,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ action: 'create', recordType: 'strength', recordId: row.id, details: { domain: row.domain, kind: row.kind } });
    return presentStrength(row);
  });
}

export async function updateStrength(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateStrengthBody,
): Promise<StrengthView> {
  return withPatientRecord(db, ctx, strengthKind, id, async (tx, audit) => {
    const current = checkVersion(await liveStrength(tx, id), version);
    const row = await tx
      .updateTable('strengths')
      .set({
        domain: input.domain ?? current.domain,
        kind: input.kind ?? current.kind,
        description: input.description?.trim() ?? current.description,
        inPatientsWords: input.inPatientsWords ?? current.inPatientsWords,
        ...nextVersion(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ action: 'update', recordType: 'strength', recordId: id, details: { fields: changedFields(input, current) } });
    return presentStrength(row);
  });
}

/** Soft: the row is kept with `deleted_at`, and the deletion is audited. */
export async function deleteStrength(db: Database, ctx: RequestContext, id: string, version: () => number): Promise<void> {
  await withPatientRecord(db, ctx, strengthKind, id, async (tx, audit) => {
    checkVersion(await liveStrength(tx, id), version());
    await tx
      .updateTable('strengths')
      .set({ deletedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'delete', recordType: 'strength', recordId: id });
  });
}
