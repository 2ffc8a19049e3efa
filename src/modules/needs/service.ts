import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changedFields, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { episodeKind } from '../episodes/records.ts';
import { withEpisode } from '../episodes/service.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import type { NeedStatus } from './codes.ts';
import { presentNeed, type NeedView } from './presenter.ts';
import { episodeNeedsQuery, needHistoryQuery } from './queries.ts';
import { needKind } from './records.ts';
import type { NeedRow } from './tables.ts';
import type { CreateNeedBody, NeedTransitionBody, UpdateNeedBody } from './schemas.ts';
import { canMove, needsNote } from './transitions.ts';

async function loadNeeds(executor: Executor, rows: NeedRow[]): Promise<NeedView[]> {
  if (rows.length === 0) return [];
  const history = await needHistoryQuery(
    executor,
    rows.map((row) => row.id),
  ).execute();
  return rows.map((row) =>
    presentNeed(
      row,
      history.filter((change) => change.needId === row.id),
    ),
  );
}

async function loadNeed(tx: Transaction<DB>, id: string): Promise<NeedView> {
  const row = await tx.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [view] = await loadNeeds(tx, [row]);
  return view!;
}

/** Inside a read already checked and audited (the episode screen's section): proposals first. */
export async function presentEpisodeNeeds(executor: Executor, episodeId: string): Promise<NeedView[]> {
  return loadNeeds(executor, await episodeNeedsQuery(executor, episodeId).execute());
}

export async function listEpisodeNeeds(db: Database, ctx: RequestContext, episodeId: string): Promise<NeedView[]> {
  return readPatientRecord(db, ctx, episodeKind, episodeId, (tx) => presentEpisodeNeeds(tx, episodeId));
}

export async function getNeed(db: Database, ctx: RequestContext, id: string): Promise<NeedView> {
  return readPatientRecord(db, ctx, needKind, id, (tx) => loadNeed(tx, id));
}

async function recordChange(
  tx: Transaction<DB>,
  ctx: RequestContext,
  need: { id: string; organizationId: string; patientId: string },
  from: NeedStatus | null,
  to: NeedStatus,
  note: string | null,
): Promise<void> {
  await tx
    .insertInto('needStatusChanges')
    .values({
      id: newId(),
      organizationId: need.organizationId,
      patientId: need.patientId,
      needId: need.id,
      fromStatus: from,
      toStatus: to,
      note,
      changedBy: ctx.actor.userId,
    })
    .execute();
}

/** A need staff record themselves: identified at once, from their judgement or citing a completed screen of the episode. */
export async function createNeed(db: Database, ctx: RequestContext, episodeId: string, input: CreateNeedBody): Promise<NeedView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
    let instrumentKey: string | null = null;
    if (input.assessmentId) {
      const screen = await tx
        .selectFrom('assessments')
        .select(['instrumentKey', 'status'])
        .where('id', '=', input.assessmentId)
        .where('episodeId', '=', episodeId)
        .executeTakeFirst();
      if (screen?.status !== 'completed')
        throw fieldError('/assessmentId', 'assessment-not-in-episode', 'must be a completed assessment of this episode');
      instrumentKey = screen.instrumentKey;
    }
    const id = newId();
    const need = { id, organizationId: episode.organizationId, patientId: episode.patientId };
    await tx
      .insertInto('needs')
      .values({
        ...need,
        episodeId,
        domain: input.domain,
        urgency: input.urgency,
        status: 'identified',
        description: input.description?.trim() ?? null,
        source: input.assessmentId ? 'screen' : 'staff-judgement',
        assessmentId: input.assessmentId ?? null,
        instrumentKey,
        createdBy: ctx.actor.userId,
      })
      .execute();
    await recordChange(tx, ctx, need, null, 'identified', null);
    await audit({
      action: 'create',
      recordType: 'need',
      recordId: id,
      details: { episodeId, domain: input.domain, urgency: input.urgency, source: input.assessmentId ? 'screen' : 'staff-judgement' },
    });
    return loadNeed(tx, id);
  });
}

async function lockedNeed(tx: Transaction<DB>, id: string, version: number) {
  return checkVersion(await tx.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst(), version);
}

export async function updateNeed(db: Database, ctx: RequestContext, id: string, version: number, input: UpdateNeedBody): Promise<NeedView> {
  return withPatientRecord(db, ctx, needKind, id, async (tx, audit) => {
    const current = await lockedNeed(tx, id, version);
    if (current.status === 'dismissed')
      throw conflict('need-dismissed', 'A dismissed proposal is kept as it was; record a new need instead.');
    const description = input.description === undefined ? current.description : (input.description?.trim() ?? null);
    await tx
      .updateTable('needs')
      .set({ urgency: input.urgency ?? current.urgency, description, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'need', recordId: id, details: { fields: changedFields(input, current) } });
    return loadNeed(tx, id);
  });
}

/** Confirms or dismisses a proposal, or moves a confirmed need; every move is kept, dated, with who and why. */
export async function transitionNeed(db: Database, ctx: RequestContext, id: string, input: NeedTransitionBody): Promise<NeedView> {
  return withPatientRecord(db, ctx, needKind, id, async (tx, audit) => {
    const current = await lockedNeed(tx, id, input.version);
    if (!canMove(current.status, input.to)) {
      throw conflict('need-transition-not-allowed', `A need that is ${current.status} cannot become ${input.to}.`, {
        params: { from: current.status, to: input.to },
      });
    }
    const note = input.note?.trim() || null;
    if (needsNote(input.to) && !note) throw fieldError('/note', 'reason-required', 'say why the proposed need is dismissed');
    await tx
      .updateTable('needs')
      .set({
        status: input.to,
        dismissedReason: input.to === 'dismissed' ? note : null,
        statusChangedAt: new Date(),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, ctx, current, current.status, input.to, note);
    // Codes only: the note may say something about the patient, so it stays out of the trail.
    await audit({ action: 'update', recordType: 'need', recordId: id, details: { from: current.status, to: input.to } });
    return loadNeed(tx, id);
  });
}
