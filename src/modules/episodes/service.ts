import type { Transaction } from 'kysely';
import type { Role } from '../../codes.ts';
import type { DB } from '../../db/schema.ts';
import { changedFields, type Audit } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { EpisodeSection } from '../../lib/modules.ts';
import { concurrently, type Database } from '../../lib/db/database.ts';
import { withNamedStatements } from '../../lib/db/prepared.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, fieldProblem, forbidden, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { readPatientRecord, todayOf, withPatientRecord } from '../patients/access.ts';
import { requireRegistrar } from '../patients/permissions.ts';
import { patientKind } from '../patients/records.ts';
import type { CareTeamRole } from './codes.ts';
import { canMove } from './phases.ts';
import { presentEpisode, type EpisodeView } from './presenter.ts';
import { episodeKind } from './records.ts';
import type { OpenEpisodeBody, TransitionBody, UpdateEpisodeBody } from './schemas.ts';
import type { EpisodeRow } from './tables.ts';

/** The care-team role a staff member takes when they open an episode themselves. */
const TEAM_ROLE_OF: Partial<Record<Role, CareTeamRole>> = {
  'case-manager': 'case-manager',
  'nurse-care-manager': 'nurse-care-manager',
  'community-health-worker': 'community-health-worker',
  'peer-recovery-specialist': 'peer-recovery-specialist',
  counselor: 'counselor',
  prescriber: 'prescriber',
  supervisor: 'supervisor',
};

/** Runs `work` on an episode, locked, inside the patient access check (src/modules/patients/access.ts). */
export async function withEpisode<T>(
  db: Database,
  ctx: RequestContext,
  episodeId: string,
  work: (tx: Transaction<DB>, audit: Audit, episode: EpisodeRow) => Promise<T>,
): Promise<T> {
  return withPatientRecord(db, ctx, episodeKind, episodeId, async (tx, audit) => {
    const episode = await tx.selectFrom('episodes').selectAll().where('id', '=', episodeId).executeTakeFirstOrThrow();
    return work(tx, audit, episode);
  });
}

export async function getEpisode(
  db: Database,
  ctx: RequestContext,
  episodeId: string,
  sections: readonly EpisodeSection[] = [],
): Promise<EpisodeView & Record<string, unknown>> {
  // Reads of this episode's rows by id: named, planned once per connection (src/lib/db/prepared.ts),
  // and sent together (src/lib/db/database.ts).
  return readPatientRecord(db, ctx, episodeKind, episodeId, (tx) =>
    withNamedStatements(() =>
      concurrently(tx, async (reads) => {
        const [episode, parts] = await Promise.all([
          presentEpisode(reads, episodeId),
          Promise.all(sections.map(async (section) => [section.key, await section.load(reads, ctx, episodeId)] as const)),
        ]);
        return { ...episode, ...Object.fromEntries(parts) };
      }),
    ),
  );
}

/**
 * Someone who may be on a care team, as its primary case manager or another member: an active
 * staff member of the program with a clinical role (not only admin or privacy officer). A
 * place on the team opens the chart, so nobody outside the program is added.
 */
export async function assertEligibleCaseManager(
  tx: Transaction<DB>,
  ctx: RequestContext,
  userId: string,
  programId: string,
  path: string,
): Promise<void> {
  const user = await tx
    .selectFrom('users as u')
    .innerJoin('programMemberships as pm', (join) => join.onRef('pm.userId', '=', 'u.id').on('pm.programId', '=', programId))
    .select(['u.roles'])
    .where('u.id', '=', userId)
    .where('u.organizationId', '=', ctx.actor.organizationId)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!user?.roles.some((role) => TEAM_ROLE_OF[role] !== undefined)) {
    throw ruleViolation('not-eligible-case-manager', 'The primary case manager must be an active clinical staff member of the program.', {
      errors: [fieldProblem(path, 'not-eligible-case-manager', 'is not an active clinical staff member of this program')],
    });
  }
}

export function assertNotFuture(date: string, today: string, path: string): void {
  if (date > today)
    throw ruleViolation('future-date', 'That date is in the future.', {
      errors: [fieldProblem(path, 'future-date', `must be today (${today}) or earlier`, { today })],
    });
}

export async function openEpisode(db: Database, ctx: RequestContext, patientId: string, input: OpenEpisodeBody): Promise<EpisodeView> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit) => {
    requireRegistrar(ctx.actor);
    assertNotFuture(input.openedOn, todayOf(ctx.actor), '/openedOn');
    if (input.referralDate && input.referralDate > input.openedOn)
      throw fieldError('/referralDate', 'after-opening', 'must be on or before the opening date');
    const patient = await tx.selectFrom('patients').select('mergedIntoId').where('id', '=', patientId).executeTakeFirstOrThrow();
    if (patient.mergedIntoId) throw conflict('record-merged', 'This record was merged into another; open the episode there.');
    const program = await tx
      .selectFrom('programs as p')
      .leftJoin('programMemberships as pm', (join) => join.onRef('pm.programId', '=', 'p.id').on('pm.userId', '=', ctx.actor.userId))
      .select(['p.id', 'pm.userId as member'])
      .where('p.id', '=', input.programId)
      .where('p.organizationId', '=', ctx.actor.organizationId)
      .where('p.deletedAt', 'is', null)
      .executeTakeFirst();
    if (!program) throw fieldError('/programId', 'unknown-program', 'is not a program of this organization');
    if (!program.member) throw forbidden('not-program-staff', 'Only staff of a program can open an episode in it.');
    await assertEligibleCaseManager(tx, ctx, input.primaryCaseManagerId, input.programId, '/primaryCaseManagerId');
    // One open episode per person and program: a second one splits the record and counts the
    // person twice. The patient row is locked (withPatientRecord), so two openings cannot race.
    const open = await tx
      .selectFrom('episodes')
      .select(['id', 'openedOn'])
      .where('patientId', '=', patientId)
      .where('programId', '=', input.programId)
      .where('closedOn', 'is', null)
      .executeTakeFirst();
    if (open)
      throw conflict('open-episode-in-program', `An episode in this program is already open (opened ${open.openedOn}).`, {
        params: { openedOn: open.openedOn },
        errors: [
          fieldProblem('/programId', 'open-episode-in-program', 'already has an open episode for this person', { openedOn: open.openedOn }),
        ],
        extensions: { episodeId: open.id },
      });

    const episodeId = newId();
    const owned = { organizationId: ctx.actor.organizationId, patientId };
    await tx
      .insertInto('episodes')
      .values({
        id: episodeId,
        ...owned,
        programId: input.programId,
        referralSource: input.referralSource,
        referralDate: input.referralDate ?? null,
        firstContactDate: input.firstContactDate ?? null,
        openedOn: input.openedOn,
        phase: input.phase,
      })
      .execute();
    await tx
      .insertInto('episodePhases')
      .values({ id: newId(), ...owned, episodeId, phase: input.phase, startedOn: input.openedOn, recordedBy: ctx.actor.userId })
      .execute();
    const team: { userId: string; role: CareTeamRole }[] = [{ userId: input.primaryCaseManagerId, role: 'primary-case-manager' }];
    // Whoever opens the episode for someone else stays on the team, or they would lose the chart.
    const ownRole = ctx.actor.roles.map((role) => TEAM_ROLE_OF[role]).find((role) => role !== undefined);
    if (ctx.actor.userId !== input.primaryCaseManagerId && ownRole) team.push({ userId: ctx.actor.userId, role: ownRole });
    await tx
      .insertInto('careTeamMembers')
      .values(
        team.map((member) => ({ id: newId(), ...owned, episodeId, startedOn: input.openedOn, recordedBy: ctx.actor.userId, ...member })),
      )
      .execute();
    await audit({
      action: 'create',
      recordType: 'episode',
      recordId: episodeId,
      details: { programId: input.programId, phase: input.phase },
    });
    return presentEpisode(tx, episodeId);
  });
}

export async function updateEpisode(
  db: Database,
  ctx: RequestContext,
  episodeId: string,
  version: number,
  input: UpdateEpisodeBody,
): Promise<EpisodeView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    checkVersion(episode, version);
    const referralDate = input.referralDate !== undefined ? input.referralDate : episode.referralDate;
    if (referralDate && referralDate > episode.openedOn)
      throw fieldError('/referralDate', 'after-opening', 'must be on or before the opening date');
    const { version: _version, ...changes } = input;
    const fields = changedFields(changes, episode);
    if (fields.length > 0) {
      await tx
        .updateTable('episodes')
        .set({ ...changes, ...nextVersion() })
        .where('id', '=', episodeId)
        .execute();
    }
    await audit({ action: 'update', recordType: 'episode', recordId: episodeId, details: { fields } });
    return presentEpisode(tx, episodeId);
  });
}

/**
 * Moves an episode along the continuum (phases.ts), dated and kept. Closing needs a reason,
 * ends the placements still running on that day, and is final.
 */
export async function transitionEpisode(db: Database, ctx: RequestContext, episodeId: string, input: TransitionBody): Promise<EpisodeView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    if (input.version !== undefined) checkVersion(episode, input.version);
    const from = episode.phase;
    if (!canMove(from, input.to))
      throw conflict('illegal-transition', `An episode cannot move from ${from} to ${input.to}.`, { params: { from, to: input.to } });
    if (input.to === 'closed' && !input.closureReason) throw fieldError('/closureReason', 'required', 'is required to close an episode');
    if (input.to !== 'closed' && input.closureReason) throw fieldError('/closureReason', 'only-when-closing', 'is only given when closing');
    assertNotFuture(input.on, todayOf(ctx.actor), '/on');
    const last = await tx
      .selectFrom('episodePhases')
      .select('startedOn')
      .where('episodeId', '=', episodeId)
      .orderBy('startedOn', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (input.on < last.startedOn)
      throw ruleViolation('before-current-phase', 'The change cannot be dated before the current phase began.', {
        errors: [fieldProblem('/on', 'before-current-phase', `must be on or after ${last.startedOn}`, { date: last.startedOn })],
      });
    await tx
      .insertInto('episodePhases')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        patientId: episode.patientId,
        episodeId,
        phase: input.to,
        startedOn: input.on,
        recordedBy: ctx.actor.userId,
        note: input.note ?? null,
      })
      .execute();
    await tx
      .updateTable('episodes')
      .set({
        phase: input.to,
        ...(input.to === 'closed' ? { closedOn: input.on, closureReason: input.closureReason ?? null } : {}),
        ...nextVersion(),
      })
      .where('id', '=', episodeId)
      .execute();
    if (input.to === 'closed') {
      await tx
        .updateTable('placements')
        .set({ actualEndDate: input.on, ...nextVersion() })
        .where('episodeId', '=', episodeId)
        .where('actualEndDate', 'is', null)
        .where('startDate', '<=', input.on)
        .execute();
    }
    await audit({
      action: 'update',
      recordType: 'episode',
      recordId: episodeId,
      details: { from, to: input.to, ...(input.closureReason ? { closureReason: input.closureReason } : {}) },
    });
    return presentEpisode(tx, episodeId);
  });
}
