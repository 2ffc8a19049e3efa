import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hasPermission } from '../../lib/access.ts';
import { withAudit, type Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { dateInZone, todayIn } from '../../lib/dates.ts';
import { badRequest, fieldProblem, forbidden, notFound, Problem, staleVersion, type FieldError } from '../../lib/errors.ts';
import { totalRange } from '../instruments/rules.ts';
import { findInstrument } from '../instruments/service.ts';
import { patientKind } from '../patients/records.ts';
import { episodeVisibleTo, readPatientRecord, todayOf } from '../patients/access.ts';
import { dueItems, type ScheduleRule } from './due.ts';
import { scoreHistoryQuery } from './queries.ts';
import type { PutScheduleBody, ScheduleView, ScoreHistory } from './schemas.ts';
import type { ReassessmentScheduleRow } from './tables.ts';

async function liveProgram(executor: Executor, ctx: RequestContext, programId: string) {
  const program = await executor
    .selectFrom('programs')
    .select('id')
    .where('id', '=', programId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!program) throw notFound();
}

/** Any signed-in staff member may read a program's schedule (no patient in it). */
export async function getSchedule(db: Database, ctx: RequestContext, programId: string): Promise<ScheduleView> {
  await liveProgram(db, ctx, programId);
  return presentSchedule(
    programId,
    await db.selectFrom('reassessmentSchedules').selectAll().where('programId', '=', programId).executeTakeFirst(),
  );
}

const presentSchedule = (programId: string, row: ReassessmentScheduleRow | undefined): ScheduleView => ({
  programId,
  rules: (row?.rules ?? []) as ScheduleRule[],
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

/** Admins, and supervisors who are members of the program, set its schedule. */
async function mayManage(tx: Transaction<DB>, ctx: RequestContext, programId: string): Promise<boolean> {
  if (ctx.actor.apiKeyId !== null) return false;
  if (hasPermission(ctx.actor.roles, 'programs:manage')) return true;
  if (!ctx.actor.roles.includes('supervisor')) return false;
  const member = await tx
    .selectFrom('programMemberships')
    .select('userId')
    .where('programId', '=', programId)
    .where('userId', '=', ctx.actor.userId)
    .executeTakeFirst();
  return member !== undefined;
}

async function ruleProblems(tx: Transaction<DB>, ctx: RequestContext, rules: readonly ScheduleRule[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const at = `/rules/${index}`;
    try {
      await findInstrument(tx, ctx, rule.instrumentKey);
    } catch (error) {
      if (!(error instanceof Problem && error.status === 404)) throw error;
      errors.push(fieldProblem(`${at}/instrumentKey`, 'unknown-instrument', 'is not an instrument of the catalogue'));
    }
    if (rule.when === 'every') {
      if (rule.phase === undefined) errors.push(fieldProblem(`${at}/phase`, 'required', 'is required for a rule that repeats'));
      if (rule.everyDays === undefined) errors.push(fieldProblem(`${at}/everyDays`, 'required', 'is required for a rule that repeats'));
    } else {
      for (const field of ['phase', 'everyDays'] as const) {
        if (rule[field] !== undefined) errors.push(fieldProblem(`${at}/${field}`, 'only-for-every', 'applies only to a rule that repeats'));
      }
    }
    const identity = `${rule.instrumentKey} ${rule.when} ${rule.phase ?? ''}`;
    if (seen.has(identity)) errors.push(fieldProblem(at, 'duplicate-rule', 'repeats an earlier rule for the same instrument and time'));
    seen.add(identity);
  }
  return errors;
}

/** Replaces a program's schedule (versioned: 0 creates it; a stale version is 409). */
export async function putSchedule(db: Database, ctx: RequestContext, programId: string, input: PutScheduleBody): Promise<ScheduleView> {
  return withAudit(db, ctx, async (tx, audit) => {
    await liveProgram(tx, ctx, programId);
    if (!(await mayManage(tx, ctx, programId)))
      throw forbidden('schedule-managers-only', 'Only those who administer Bridgeway or supervise the program set its schedule.');
    const errors = await ruleProblems(tx, ctx, input.rules);
    if (errors.length > 0) throw badRequest(errors.map((error) => `${error.path}: ${error.message}`).join('; '), errors);
    const current = await tx
      .selectFrom('reassessmentSchedules')
      .selectAll()
      .where('programId', '=', programId)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw staleVersion(current?.version ?? 0);
    const rules = JSON.stringify(input.rules);
    const row = current
      ? await tx
          .updateTable('reassessmentSchedules')
          .set((eb) => ({ rules, updatedBy: ctx.actor.userId, version: eb('version', '+', 1), updatedAt: new Date() }))
          .where('programId', '=', programId)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('reassessmentSchedules')
          .values({ programId, organizationId: ctx.actor.organizationId, rules, updatedBy: ctx.actor.userId })
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
    // Two first saves at once: the second finds the row the first made.
    if (!row) throw staleVersion(1);
    await audit({
      action: current ? 'update' : 'create',
      recordType: 'reassessment-schedule',
      recordId: programId,
      details: { rules: input.rules.map((rule) => `${rule.instrumentKey}:${rule.when}`) },
    });
    return presentSchedule(programId, row);
  });
}

/** The episode screen's part: what the program's schedule asks of this episode today (inside the episode's audited read). */
export async function presentEpisodeReassessments(executor: Executor, ctx: RequestContext, episodeId: string) {
  const episode = await executor
    .selectFrom('episodes')
    .select(['programId', 'phase', 'closedOn'])
    .where('id', '=', episodeId)
    .executeTakeFirstOrThrow();
  const schedule = await executor
    .selectFrom('reassessmentSchedules')
    .select('rules')
    .where('programId', '=', episode.programId)
    .executeTakeFirst();
  const rules = (schedule?.rules ?? []) as ScheduleRule[];
  if (rules.length === 0) return { scheduled: false, items: [] };
  const [phases, completed] = await Promise.all([
    executor.selectFrom('episodePhases').select(['phase', 'startedOn']).where('episodeId', '=', episodeId).execute(),
    executor
      .selectFrom('assessments')
      .select(['instrumentKey', 'completedAt'])
      .where('episodeId', '=', episodeId)
      .where('status', 'in', ['completed', 'superseded'])
      .execute(),
  ]);
  const completions = completed.flatMap((row) =>
    row.completedAt ? [{ instrumentKey: row.instrumentKey, completedOn: dateInZone(row.completedAt, ctx.actor.timeZone) }] : [],
  );
  const items = dueItems(rules, { phase: episode.phase, closedOn: episode.closedOn, phases, completions }, todayIn(ctx.actor.timeZone));
  return { scheduled: true, items };
}

/** Every instrument's totals over time for one patient, with its bands to shade: one audited read. */
export const getScoreHistory = (db: Database, ctx: RequestContext, patientId: string): Promise<ScoreHistory> =>
  readPatientRecord(db, ctx, patientKind, patientId, (tx) => presentScoreHistory(tx, ctx, patientId));

/** Inside a read already checked and audited (the route above, or the patient overview's section). */
export async function presentScoreHistory(executor: Executor, ctx: RequestContext, patientId: string): Promise<ScoreHistory> {
  // Not the scores of an episode restricted against the reader (docs/restrictions.md).
  const rows = await scoreHistoryQuery(executor, patientId)
    .where(episodeVisibleTo(ctx.actor, todayOf(ctx.actor), 'assessments.episode_id'))
    .execute();
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) byKey.set(row.instrumentKey, [...(byKey.get(row.instrumentKey) ?? []), row]);
  const instruments: ScoreHistory['instruments'] = [];
  for (const [key, points] of byKey) {
    const newest = points.at(-1);
    if (!newest) continue;
    // The bands of the newest version given; a version no longer loadable leaves the points unshaded.
    const definition = await findInstrument(executor, ctx, key, newest.instrumentVersion).then(
      (entry) => entry.definition,
      () => null,
    );
    const [min, max] = definition ? totalRange(definition) : [0, Math.max(...points.map((point) => point.total))];
    instruments.push({
      key,
      abbreviation: definition?.abbreviation ?? key.toUpperCase(),
      name: definition?.name ?? { en: key },
      min,
      max,
      bands: (definition?.scoring.bands ?? []).map((band) => ({ key: band.key, min: band.min, max: band.max, label: band.label })),
      points: points.map((point) => ({
        assessmentId: point.id,
        episodeId: point.episodeId,
        completedAt: (point.completedAt ?? new Date(0)).toISOString(),
        total: point.total,
        band: point.band,
      })),
    });
  }
  return { instruments };
}
