import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { withEpisode } from '../episodes/service.ts';
import { episodeKind } from '../episodes/records.ts';
import { findInstrument } from '../instruments/service.ts';
import { score, type ScoreResult } from '../instruments/scoring.ts';
import { proposeNeedsFromScreen } from '../needs/proposals.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import type { AssessmentStatus } from './codes.ts';
import { episodeAssessmentsQuery } from './queries.ts';
import { assessmentKind } from './records.ts';
import type { AbandonBody, CorrectBody, StartBody, UpdateAnswersBody } from './schemas.ts';
import type { AssessmentRow } from './tables.ts';

type Answers = Record<string, number | 'yes' | 'no' | 'refused' | number[]>;

export interface AssessmentView {
  id: string;
  patientId: string;
  episodeId: string;
  instrumentKey: string;
  instrumentVersion: string;
  mode: AssessmentRow['mode'];
  status: AssessmentStatus;
  answers: Answers;
  context: { sex?: 'female' | 'male' };
  result: (ScoreResult & { key: string; version: string }) | null;
  administeredBy: string;
  startedAt: string;
  completedAt: string | null;
  abandonedReason: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  crisisStepsShownAt: string | null;
  version: number;
}

function present(row: AssessmentRow, supersededById: string | null = null): AssessmentView {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    instrumentKey: row.instrumentKey,
    instrumentVersion: row.instrumentVersion,
    mode: row.mode,
    status: row.status,
    answers: row.answers as Answers,
    context: row.context as AssessmentView['context'],
    result: row.result as AssessmentView['result'],
    administeredBy: row.administeredBy,
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    abandonedReason: row.abandonedReason,
    supersedesId: row.supersedesId,
    supersededById,
    correctionReason: row.correctionReason,
    crisisStepsShownAt: row.crisisStepsShownAt?.toISOString() ?? null,
    version: row.version,
  };
}

async function loadView(tx: Transaction<DB>, id: string): Promise<AssessmentView> {
  const row = await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const correction = await tx.selectFrom('assessments').select('id').where('supersedesId', '=', id).executeTakeFirst();
  return present(row, correction?.id ?? null);
}

const notInProgress = (status: string) =>
  conflict('assessment-not-in-progress', `The assessment is ${status}: a completed assessment is corrected, never edited.`, {
    params: { status },
  });

/** Starts an assessment in an episode with the instrument's newest version. */
export async function startAssessment(db: Database, ctx: RequestContext, episodeId: string, input: StartBody): Promise<AssessmentView> {
  const { definition } = await findInstrument(db, ctx, input.instrumentKey);
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
    const id = newId();
    await tx
      .insertInto('assessments')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId: episode.patientId,
        episodeId,
        instrumentKey: definition.key,
        instrumentVersion: definition.version,
        mode: input.mode,
        administeredBy: ctx.actor.userId,
        context: JSON.stringify(input.context ?? {}),
      })
      .execute();
    await audit({
      action: 'create',
      recordType: 'assessment',
      recordId: id,
      details: { episodeId, instrument: definition.key, mode: input.mode },
    });
    return loadView(tx, id);
  });
}

export async function getAssessment(db: Database, ctx: RequestContext, id: string): Promise<AssessmentView> {
  return readPatientRecord(db, ctx, assessmentKind, id, (tx) => loadView(tx, id));
}

/** Every assessment of an episode, newest first (a handful per episode: no paging needed). */
export async function listEpisodeAssessments(db: Database, ctx: RequestContext, episodeId: string): Promise<AssessmentView[]> {
  return readPatientRecord(db, ctx, episodeKind, episodeId, (tx) => presentEpisodeAssessments(tx, episodeId));
}

/** Inside a read already checked and audited (the episode screen's section). */
export async function presentEpisodeAssessments(executor: Executor, episodeId: string): Promise<AssessmentView[]> {
  const rows = await episodeAssessmentsQuery(executor, episodeId).execute();
  return rows.map(({ correctionId, ...row }) => present(row, correctionId));
}

/**
 * Answers save as they are given: the sent answers replace those items (null clears one).
 * Nothing is checked against the instrument until completion, so a half-filled screen saves.
 */
export async function updateAnswers(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateAnswersBody,
): Promise<AssessmentView> {
  return withPatientRecord(db, ctx, assessmentKind, id, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst(), version);
    if (current.status !== 'in-progress') throw notInProgress(current.status);
    const answers = { ...(current.answers as Answers) };
    for (const [item, value] of Object.entries(input.answers ?? {})) {
      if (value === null) delete answers[item];
      else answers[item] = value;
    }
    const context = input.context !== undefined ? input.context : current.context;
    await tx
      .updateTable('assessments')
      .set({ answers: JSON.stringify(answers), context: JSON.stringify(context), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'assessment', recordId: id, details: { items: Object.keys(input.answers ?? {}) } });
    return loadView(tx, id);
  });
}

/**
 * Completes: the engine scores the saved answers with the definition the assessment started
 * with; answers that do not fit are refused (422, each item named) and nothing changes. The
 * result is stored with the answers and never changes after.
 */
export async function completeAssessment(db: Database, ctx: RequestContext, id: string, version: number): Promise<AssessmentView> {
  return withPatientRecord(db, ctx, assessmentKind, id, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst(), version);
    if (current.status !== 'in-progress') throw notInProgress(current.status);
    const { definition } = await findInstrument(tx, ctx, current.instrumentKey, current.instrumentVersion);
    const result = {
      key: definition.key,
      version: definition.version,
      ...score(definition, current.answers as Answers, current.context as object),
    };
    await tx
      .updateTable('assessments')
      .set({ status: 'completed', result: JSON.stringify(result), completedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    // Codes only: whether it was positive or critical, never the answers.
    await audit({
      action: 'update',
      recordType: 'assessment',
      recordId: id,
      details: { status: 'completed', instrument: definition.key, band: result.band, positive: result.positive, critical: result.critical },
    });
    // The one coupling to needs: a positive screen proposes needs for staff to confirm (docs/needs.md).
    await proposeNeedsFromScreen(tx, audit, ctx.actor.userId, current, result);
    return loadView(tx, id);
  });
}

export async function abandonAssessment(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: AbandonBody,
): Promise<AssessmentView> {
  return withPatientRecord(db, ctx, assessmentKind, id, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst(), version);
    if (current.status !== 'in-progress') throw notInProgress(current.status);
    await tx
      .updateTable('assessments')
      .set({ status: 'abandoned', abandonedReason: input.reason.trim(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'assessment', recordId: id, details: { status: 'abandoned' } });
    return loadView(tx, id);
  });
}

/**
 * A correction of a completed assessment: a new assessment with the same instrument, version
 * and episode, starting from the old answers, with a reason; the old one is marked superseded
 * and kept as it was. Only one correction per assessment (a second is 409).
 */
export async function correctAssessment(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: CorrectBody,
): Promise<AssessmentView> {
  return withPatientRecord(db, ctx, assessmentKind, id, async (tx, audit) => {
    const current = checkVersion(await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst(), version);
    if (current.status === 'superseded') throw conflict('assessment-already-corrected', 'This assessment has already been corrected.');
    if (current.status !== 'completed')
      throw conflict('assessment-not-completed', 'Only a completed assessment is corrected; edit one in progress.');
    const correctionId = newId();
    await tx
      .insertInto('assessments')
      .values({
        id: correctionId,
        organizationId: current.organizationId,
        patientId: current.patientId,
        episodeId: current.episodeId,
        instrumentKey: current.instrumentKey,
        instrumentVersion: current.instrumentVersion,
        mode: current.mode,
        answers: JSON.stringify(current.answers),
        context: JSON.stringify(current.context),
        administeredBy: ctx.actor.userId,
        supersedesId: id,
        correctionReason: input.reason.trim(),
      })
      .execute();
    await tx
      .updateTable('assessments')
      .set({ status: 'superseded', ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'create', recordType: 'assessment', recordId: correctionId, details: { supersedes: id } });
    await audit({ action: 'update', recordType: 'assessment', recordId: id, details: { status: 'superseded', correction: correctionId } });
    return loadView(tx, correctionId);
  });
}

/** Records that the crisis steps were shown for an acute result (once; later calls keep the first time). */
export async function recordCrisisStepsShown(db: Database, ctx: RequestContext, id: string): Promise<AssessmentView> {
  return withPatientRecord(db, ctx, assessmentKind, id, async (tx, audit) => {
    const current = await tx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const result = current.result as ScoreResult | null;
    if (!result?.critical) throw conflict('assessment-no-crisis', 'This assessment has no critical result.');
    if (!current.crisisStepsShownAt) {
      await tx.updateTable('assessments').set({ crisisStepsShownAt: new Date() }).where('id', '=', id).execute();
    }
    await audit({ action: 'update', recordType: 'assessment', recordId: id, details: { crisisStepsShown: true } });
    return loadView(tx, id);
  });
}
