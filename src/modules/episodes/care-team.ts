import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withAudit, type Audit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { conflict, fieldError, fieldProblem, forbidden, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { currentMember, readPatientRecord, supervisesProgram, todayOf, withPatientRecord } from '../patients/access.ts';
import { handOverTasks } from '../tasks/service.ts';
import { presentEpisode, presentMember, selectMembers, type CareTeamMemberView, type EpisodeView } from './presenter.ts';
import { careTeamMemberKind } from './records.ts';
import type { AddMemberBody, HandoffBody, ReassignmentBody } from './schemas.ts';
import { assertEligibleCaseManager, assertNotFuture, withEpisode } from './service.ts';
import type { EpisodeRow } from './tables.ts';

/** A member is current on `day` when they started by then and have not ended (ended_on is exclusive). */
const currentOn = (day: string) => sql<boolean>`(started_on <= ${day} AND (ended_on IS NULL OR ended_on > ${day}))`;

async function memberView(executor: Transaction<DB>, memberId: string): Promise<CareTeamMemberView> {
  return presentMember(await selectMembers(executor).where('m.id', '=', memberId).executeTakeFirstOrThrow());
}

export async function getMember(db: Database, ctx: RequestContext, memberId: string): Promise<CareTeamMemberView> {
  return readPatientRecord(db, ctx, careTeamMemberKind, memberId, (tx) => memberView(tx, memberId));
}

/**
 * Who changes a care team — and so who opens a chart to whom (13.5): the episode's primary
 * case manager today, or a supervisor of its program. Everyone else on the team reads it.
 */
async function assertTeamManager(tx: Transaction<DB>, ctx: RequestContext, episode: EpisodeRow): Promise<void> {
  const today = todayOf(ctx.actor);
  const row = await tx
    .selectFrom('episodes as e')
    .select(
      sql<boolean>`${supervisesProgram(ctx.actor, 'e.program_id')} OR EXISTS (
        SELECT 1 FROM care_team_members m
         WHERE m.episode_id = e.id AND m.role = 'primary-case-manager' AND ${currentMember('m', ctx.actor.userId, today)})`.as('allowed'),
    )
    .where('e.id', '=', episode.id)
    .executeTakeFirstOrThrow();
  if (!row.allowed)
    throw forbidden('not-team-manager', 'Only the primary case manager or a supervisor of the program changes the care team.');
}

export async function addMember(db: Database, ctx: RequestContext, episodeId: string, input: AddMemberBody): Promise<CareTeamMemberView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    await assertTeamManager(tx, ctx, episode);
    if (input.role === 'primary-case-manager')
      throw fieldError('/role', 'primary-only-by-handoff', 'the primary case manager changes only by a handoff');
    if ((input.userId === undefined) === (input.external === undefined))
      throw fieldError('/userId', 'staff-or-external', 'give either a staff member (userId) or an external contact, not both');
    if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
    if (input.startedOn < episode.openedOn)
      throw fieldError('/startedOn', 'before-episode-opened', `must be on or after the episode opened (${episode.openedOn})`, {
        date: episode.openedOn,
      });
    if (input.userId) {
      await assertEligibleCaseManager(tx, ctx, input.userId, episode.programId, '/userId');
      const already = await tx
        .selectFrom('careTeamMembers')
        .select('id')
        .where('episodeId', '=', episodeId)
        .where('userId', '=', input.userId)
        .where('role', '=', input.role)
        .where('endedOn', 'is', null)
        .executeTakeFirst();
      if (already) throw conflict('already-on-team', 'This person already has this role on the team.');
    }
    const id = newId();
    await tx
      .insertInto('careTeamMembers')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId: episode.patientId,
        episodeId,
        userId: input.userId ?? null,
        externalName: input.external?.name ?? null,
        externalOrganization: input.external?.organization ?? null,
        externalPhone: input.external?.phone ?? null,
        role: input.role,
        startedOn: input.startedOn,
        recordedBy: ctx.actor.userId,
      })
      .execute();
    await audit({
      action: 'create',
      recordType: 'care-team-member',
      recordId: id,
      details: { episodeId, role: input.role, external: input.userId === undefined },
    });
    return memberView(tx, id);
  });
}

export async function endMember(db: Database, ctx: RequestContext, memberId: string, endedOn: string): Promise<CareTeamMemberView> {
  return withPatientRecord(db, ctx, careTeamMemberKind, memberId, async (tx, audit) => {
    const current = await tx.selectFrom('careTeamMembers').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow();
    // Anyone may step off a team themselves; ending someone else's place is the team manager's.
    if (current.userId !== ctx.actor.userId) {
      await assertTeamManager(
        tx,
        ctx,
        await tx.selectFrom('episodes').selectAll().where('id', '=', current.episodeId).executeTakeFirstOrThrow(),
      );
    }
    if (current.role === 'primary-case-manager')
      throw ruleViolation('primary-only-by-handoff', 'The primary case manager leaves only by a handoff to someone else.');
    if (current.endedOn) throw conflict('membership-ended', 'This membership has already ended.');
    if (endedOn < current.startedOn)
      throw fieldError('/endedOn', 'before-joined', `must be on or after they joined (${current.startedOn})`, { date: current.startedOn });
    await tx.updateTable('careTeamMembers').set({ endedOn }).where('id', '=', memberId).execute();
    await audit({
      action: 'update',
      recordType: 'care-team-member',
      recordId: memberId,
      details: { change: 'ended', episodeId: current.episodeId },
    });
    return memberView(tx, memberId);
  });
}

/** Ends the current primary case manager's period and starts the next one's, on the same day. */
async function handOver(tx: Transaction<DB>, ctx: RequestContext, audit: Audit, episode: EpisodeRow, input: HandoffBody): Promise<void> {
  if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
  await assertTeamManager(tx, ctx, episode);
  // A handoff happens when it is recorded: a future date would make screens disagree on who
  // is the single point of contact until then (13.5, 8.2).
  assertNotFuture(input.on, todayOf(ctx.actor), '/on');
  const current = await tx
    .selectFrom('careTeamMembers')
    .selectAll()
    .where('episodeId', '=', episode.id)
    .where('role', '=', 'primary-case-manager')
    .where(currentOn(input.on))
    .forUpdate()
    .executeTakeFirst();
  if (current?.userId === input.toUserId) throw fieldError('/toUserId', 'already-primary', 'is already the primary case manager');
  // The same day is allowed: intake often opens the episode and hands it on that afternoon.
  if (current && input.on < current.startedOn)
    throw fieldError(
      '/on',
      'before-primary-started',
      `must be on or after the current primary case manager started (${current.startedOn})`,
      {
        date: current.startedOn,
      },
    );
  await assertEligibleCaseManager(tx, ctx, input.toUserId, episode.programId, '/toUserId');
  if (current) await tx.updateTable('careTeamMembers').set({ endedOn: input.on }).where('id', '=', current.id).execute();
  await tx
    .insertInto('careTeamMembers')
    .values({
      id: newId(),
      organizationId: ctx.actor.organizationId,
      patientId: episode.patientId,
      episodeId: episode.id,
      userId: input.toUserId,
      role: 'primary-case-manager',
      startedOn: input.on,
      handoffNote: input.note,
      recordedBy: ctx.actor.userId,
    })
    .execute();
  await audit({
    action: 'update',
    recordType: 'episode',
    recordId: episode.id,
    patientId: episode.patientId,
    details: { change: 'handoff', fromUserId: current?.userId ?? null, toUserId: input.toUserId },
  });
  // The outgoing primary case manager's open tasks in this episode go with the case.
  if (current?.userId) await handOverTasks(tx, ctx, audit, { episodeId: episode.id, fromUserId: current.userId, toUserId: input.toUserId });
}

export async function handoff(db: Database, ctx: RequestContext, episodeId: string, input: HandoffBody): Promise<EpisodeView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    await handOver(tx, ctx, audit, episode, input);
    return presentEpisode(tx, episodeId);
  });
}

/**
 * A supervisor moves a colleague's caseload (all of it, or chosen episodes) to one or several
 * colleagues, in turn. Each episode is handed over as if by hand: its own handoff, note and
 * audit row. Only episodes of programs the supervisor supervises — the same predicate fragment
 * the patient access check uses.
 */
export async function reassignCaseload(
  db: Database,
  ctx: RequestContext,
  input: ReassignmentBody,
): Promise<{ episodeId: string; toUserId: string }[]> {
  if (!ctx.actor.roles.includes('supervisor')) throw forbidden('supervisors-only', 'Only a supervisor reassigns a caseload.');
  if (input.toUserIds.includes(input.fromUserId))
    throw fieldError('/toUserIds', 'includes-from-user', 'must not include the person whose caseload moves');
  // All or nothing: one transaction, though each episode keeps its own handoff and audit row.
  return withAudit(db, ctx, async (tx, audit) => {
    let query = tx
      .selectFrom('careTeamMembers as m')
      .innerJoin('episodes as e', 'e.id', 'm.episodeId')
      .selectAll('e')
      .where('e.organizationId', '=', ctx.actor.organizationId)
      .where('e.closedOn', 'is', null)
      .where('m.userId', '=', input.fromUserId)
      .where('m.role', '=', 'primary-case-manager')
      .where('m.endedOn', 'is', null)
      .where(supervisesProgram(ctx.actor, 'e.program_id'))
      .orderBy('e.openedOn')
      .orderBy('e.id')
      .forUpdate();
    if (input.episodeIds) query = query.where('e.id', 'in', input.episodeIds);
    const episodes = await query.execute();
    if (input.episodeIds && episodes.length !== input.episodeIds.length) {
      throw ruleViolation('episodes-not-reassignable', 'Some episodes are not in this person’s open caseload in your programs.', {
        errors: [fieldProblem('/episodeIds', 'episodes-not-reassignable', 'include episodes you cannot reassign')],
      });
    }
    const moves = episodes.map((episode, index) => ({ episode, toUserId: input.toUserIds[index % input.toUserIds.length] ?? '' }));
    for (const { episode, toUserId } of moves) {
      await handOver(tx, ctx, audit, episode, { toUserId, on: input.on, note: input.note });
    }
    await audit({
      action: 'update',
      recordType: 'caseload-reassignment',
      recordId: input.fromUserId,
      details: { fromUserId: input.fromUserId, toUserIds: input.toUserIds, episodes: moves.length },
    });
    return moves.map(({ episode, toUserId }) => ({ episodeId: episode.id, toUserId }));
  });
}
