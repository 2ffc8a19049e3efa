import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requirePermission } from '../../lib/access.ts';
import { actorMeta, writeAudit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, forbidden } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { episodeKind } from '../episodes/records.ts';
import { episodeVisibleTo, todayOf, withPatientRecord } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';
import type { RestrictionBody, RestrictionView } from './schemas.ts';
import type { RestrictionRow } from './tables.ts';

/**
 * Restricting a patient or an episode (docs/restrictions.md). Who: a supervisor who can see the
 * record (the one access check); they are put on the allow list so they keep it. Each change is
 * versioned and audited with codes and ids only. The rule itself lives in the one visibility
 * predicate (src/modules/patients/access.ts), so every query inherits it.
 */
type Target = { scope: 'patient' | 'episode'; id: string };

function supervisorsOnly(ctx: RequestContext) {
  if (!ctx.actor.roles.includes('supervisor'))
    throw forbidden('supervisors-only', 'Only a supervisor restricts a record or changes its restriction.');
}

async function activeRestriction(tx: Transaction<DB>, patientId: string, target: Target) {
  let select = tx.selectFrom('recordRestrictions').selectAll().where('patientId', '=', patientId).where('liftedAt', 'is', null);
  select = target.scope === 'patient' ? select.where('episodeId', 'is', null) : select.where('episodeId', '=', target.id);
  return select.forUpdate().executeTakeFirst();
}

/** The lists name active staff of the organization; the actor never excludes themself; nobody is on both. */
async function checkLists(tx: Transaction<DB>, ctx: RequestContext, input: RestrictionBody) {
  if (input.excludedUserIds.includes(ctx.actor.userId))
    throw fieldError('/excludedUserIds', 'cannot-exclude-self', 'cannot name yourself: you would lose the record you are restricting');
  const allowed = [...new Set([...input.allowedUserIds, ctx.actor.userId])];
  const both = input.excludedUserIds.find((id) => allowed.includes(id));
  if (both) throw fieldError('/excludedUserIds', 'allowed-and-excluded', 'names someone who is also on the allow list');
  const named = [...allowed, ...input.excludedUserIds];
  const known = await tx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', named)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('kind', '=', 'person')
    .execute();
  const ids = new Set(known.map((row) => row.id));
  input.allowedUserIds.forEach((id, i) => {
    if (!ids.has(id)) throw fieldError(`/allowedUserIds/${i}`, 'not-staff-member', 'is not a staff member of this organization');
  });
  input.excludedUserIds.forEach((id, i) => {
    if (!ids.has(id)) throw fieldError(`/excludedUserIds/${i}`, 'not-staff-member', 'is not a staff member of this organization');
  });
  return { allowed, excluded: input.excludedUserIds };
}

async function presentRestrictions(executor: Executor, rows: readonly RestrictionRow[]): Promise<RestrictionView[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.restrictedBy, ...row.allowedUserIds, ...row.excludedUserIds]))];
  const names = new Map(
    ids.length === 0
      ? []
      : (await executor.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute()).map((u) => [
          u.id,
          u.displayName,
        ]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    reason: row.reason,
    allowed: row.allowedUserIds.map(person),
    excluded: row.excludedUserIds.map(person),
    restrictedBy: person(row.restrictedBy),
    restrictedAt: row.restrictedAt.toISOString(),
    version: row.version,
  }));
}

/** Restricts the patient or episode (no version: there must be no restriction yet), or changes its restriction (the version read). */
export async function restrict(
  db: Database,
  ctx: RequestContext,
  target: Target,
  input: RestrictionBody,
  version: number | undefined,
): Promise<{ created: boolean; view: RestrictionView }> {
  const kind = target.scope === 'patient' ? patientKind : episodeKind;
  return withPatientRecord(db, ctx, kind, target.id, async (tx, audit, record) => {
    supervisorsOnly(ctx);
    const lists = await checkLists(tx, ctx, input);
    const current = await activeRestriction(tx, record.patientId, target);
    const episodeId = target.scope === 'episode' ? target.id : null;
    const details = { reason: input.reason, episodeId, allowedUserIds: lists.allowed, excludedUserIds: lists.excluded };
    let id: string;
    if (!current) {
      if (version !== undefined) throw conflict('not-restricted', 'This record is not restricted (any more): restrict it anew.');
      id = newId();
      await tx
        .insertInto('recordRestrictions')
        .values({
          id,
          organizationId: ctx.actor.organizationId,
          patientId: record.patientId,
          episodeId,
          reason: input.reason,
          allowedUserIds: lists.allowed,
          excludedUserIds: lists.excluded,
          restrictedBy: ctx.actor.userId,
        })
        .execute();
      await audit({ action: 'create', recordType: 'restriction', recordId: id, details });
    } else {
      if (version === undefined) throw conflict('already-restricted', 'This record is restricted already: change its restriction instead.');
      checkVersion(current, version);
      id = current.id;
      await tx
        .updateTable('recordRestrictions')
        .set({ reason: input.reason, allowedUserIds: lists.allowed, excludedUserIds: lists.excluded, ...nextVersion() })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'update', recordType: 'restriction', recordId: id, details });
    }
    const row = await tx.selectFrom('recordRestrictions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const [view] = await presentRestrictions(tx, [row]);
    if (!view) throw new Error('restriction vanished');
    return { created: !current, view };
  });
}

/** Lifts the restriction (dated, by whom); the row stays as the record of it. */
export async function lift(db: Database, ctx: RequestContext, target: Target, version: number): Promise<void> {
  const kind = target.scope === 'patient' ? patientKind : episodeKind;
  await withPatientRecord(db, ctx, kind, target.id, async (tx, audit, record) => {
    supervisorsOnly(ctx);
    const current = await activeRestriction(tx, record.patientId, target);
    if (!current) throw conflict('not-restricted', 'This record is not restricted.');
    checkVersion(current, version);
    await tx
      .updateTable('recordRestrictions')
      .set({ liftedAt: new Date(), liftedBy: ctx.actor.userId, ...nextVersion() })
      .where('id', '=', current.id)
      .execute();
    await audit({ action: 'update', recordType: 'restriction', recordId: current.id, details: { lifted: true } });
  });
}

/** The overview's part (inside the patient's audited read): the active restrictions of the patient and of the episodes the reader sees. */
export async function restrictionOverview(executor: Executor, ctx: RequestContext, patientId: string) {
  const rows = await executor
    .selectFrom('recordRestrictions as r')
    .selectAll('r')
    .where('r.patientId', '=', patientId)
    .where('r.liftedAt', 'is', null)
    .where(sql<boolean>`(r.episode_id IS NULL OR ${episodeVisibleTo(ctx.actor, todayOf(ctx.actor), 'r.episode_id')})`)
    .orderBy('r.restrictedAt')
    .execute();
  const views = await presentRestrictions(executor, rows);
  return { patient: views.find((view) => view.episodeId === null) ?? null, episodes: views.filter((view) => view.episodeId !== null) };
}

/**
 * The privacy officer's list of restricted records: the patient's name, the program of a
 * restricted episode, who restricted it, when, why and how many are named; never the chart.
 * One read audit row names every patient shown.
 */
export async function listRestricted(db: Database, ctx: RequestContext) {
  requirePermission(ctx.actor, 'restrictions:review');
  const rows = await db
    .selectFrom('recordRestrictions as r')
    .innerJoin('patients as p', 'p.id', 'r.patientId')
    .innerJoin('users as u', 'u.id', 'r.restrictedBy')
    .leftJoin('episodes as e', 'e.id', 'r.episodeId')
    .leftJoin('programs as pr', 'pr.id', 'e.programId')
    .select([
      'r.id',
      'r.patientId',
      'r.episodeId',
      'r.reason',
      'r.restrictedBy',
      'r.restrictedAt',
      'u.displayName as restrictedByName',
      'pr.name as programName',
      sql<string>`p.legal_first_name || ' ' || p.legal_last_name`.as('patientName'),
      sql<number>`cardinality(r.allowed_user_ids)`.as('allowedCount'),
      sql<number>`cardinality(r.excluded_user_ids)`.as('excludedCount'),
    ])
    .where('r.organizationId', '=', ctx.actor.organizationId)
    .where('r.liftedAt', 'is', null)
    .where('p.deletedAt', 'is', null)
    .orderBy('r.restrictedAt', 'desc')
    .limit(500)
    .execute();
  await writeAudit(db, actorMeta(ctx), {
    action: 'read',
    recordType: 'restricted-records',
    details: { shownPatientIds: [...new Set(rows.map((row) => row.patientId))] },
  });
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patientId,
    patientName: row.patientName,
    episodeId: row.episodeId,
    programName: row.programName,
    reason: row.reason,
    restrictedBy: { id: row.restrictedBy, name: row.restrictedByName },
    restrictedAt: row.restrictedAt.toISOString(),
    allowedCount: Number(row.allowedCount),
    excludedCount: Number(row.excludedCount),
  }));
}

/** The episode screen's part (inside the episode's audited read): its active restriction, if any. */
export async function episodeRestriction(executor: Executor, _ctx: RequestContext, episodeId: string): Promise<RestrictionView | null> {
  const rows = await executor
    .selectFrom('recordRestrictions')
    .selectAll()
    .where('episodeId', '=', episodeId)
    .where('liftedAt', 'is', null)
    .execute();
  return (await presentRestrictions(executor, rows))[0] ?? null;
}
