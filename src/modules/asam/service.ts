import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { badRequest, conflict, fieldProblem, ruleViolation, type FieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { LEVELS_OF_CARE } from '../episodes/codes.ts';
import { episodeKind } from '../episodes/records.ts';
import { withEpisode } from '../episodes/service.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import { ASAM_DIMENSIONS, type AsamEdition } from './codes.ts';
import { presentReview, type StoredDimensions } from './presenter.ts';
import { episodeReviewsQuery } from './queries.ts';
import { asamReviewKind } from './records.ts';
import type { AsamReviewView, CorrectReviewBody, StartReviewBody, UpdateReviewBody } from './schemas.ts';
import type { AsamReviewRow } from './tables.ts';

const LEVEL_FIELDS = ['indicatedLevel', 'availableLevel', 'chosenLevel'] as const;

async function loadView(executor: Executor, id: string): Promise<AsamReviewView> {
  const row = await executor.selectFrom('asamReviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const correction = await executor.selectFrom('asamReviews').select('id').where('supersedesId', '=', id).executeTakeFirst();
  return presentReview(row, correction?.id ?? null);
}

const lockReview = async (tx: Transaction<DB>, id: string, version: number) =>
  checkVersion(await tx.selectFrom('asamReviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), version);

const notInProgress = (status: string) =>
  conflict('asam-review-not-in-progress', `The review is ${status}: a completed review is corrected, never edited.`, {
    params: { status },
  });

/** The levels differ when indicated, available and chosen are not all the same: then a reason is required. */
function levelsDiffer(row: Pick<AsamReviewRow, 'indicatedLevel' | 'availableLevel' | 'chosenLevel'>): boolean {
  return row.indicatedLevel !== row.chosenLevel || row.indicatedLevel !== row.availableLevel;
}

/** What still stops a review from being completed, each naming its field (pure). */
function missingForCompletion(row: Pick<AsamReviewRow, 'dimensions' | (typeof LEVEL_FIELDS)[number] | 'differenceReason'>): FieldError[] {
  const stored = row.dimensions as StoredDimensions;
  const errors: FieldError[] = [];
  for (const key of ASAM_DIMENSIONS) {
    if (stored[key]?.rating == null) errors.push(fieldProblem(`/dimensions/${key}/rating`, 'rating-required', 'rate this dimension (0–4)'));
  }
  for (const field of LEVEL_FIELDS) {
    if (row[field] === null) errors.push(fieldProblem(`/${field}`, 'level-required', 'choose a level of care'));
  }
  if (errors.length === 0 && levelsDiffer(row) && !row.differenceReason)
    errors.push(
      fieldProblem('/differenceReason', 'difference-reason-required', 'say why the levels indicated, available and chosen differ'),
    );
  return errors;
}

export async function startReview(db: Database, ctx: RequestContext, episodeId: string, input: StartReviewBody): Promise<AsamReviewView> {
  return withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
    if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
    const id = newId();
    await tx
      .insertInto('asamReviews')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId: episode.patientId,
        episodeId,
        edition: input.edition,
        reviewedBy: ctx.actor.userId,
      })
      .execute();
    await audit({ action: 'create', recordType: 'asam-review', recordId: id, details: { episodeId, edition: input.edition } });
    return loadView(tx, id);
  });
}

export const getReview = (db: Database, ctx: RequestContext, id: string) =>
  readPatientRecord(db, ctx, asamReviewKind, id, (tx) => loadView(tx, id));

export const listEpisodeReviews = (db: Database, ctx: RequestContext, episodeId: string) =>
  readPatientRecord(db, ctx, episodeKind, episodeId, (tx) => presentEpisodeReviews(tx, episodeId));

/** Inside a read already checked and audited (the episode screen's section): newest first. */
export async function presentEpisodeReviews(executor: Executor, episodeId: string): Promise<AsamReviewView[]> {
  const rows = await episodeReviewsQuery(executor, episodeId).execute();
  return rows.map(({ correctionId, ...row }) => presentReview(row, correctionId));
}

function checkLevels(edition: AsamEdition, input: UpdateReviewBody): void {
  const codes: readonly string[] = LEVELS_OF_CARE[edition];
  const errors = LEVEL_FIELDS.flatMap((field) => {
    const value = input[field];
    return value != null && !codes.includes(value)
      ? [fieldProblem(`/${field}`, 'unknown-level', `is not a level of care in ${edition} (${codes.join(', ')})`, { edition })]
      : [];
  });
  if (errors.length > 0) throw badRequest(errors.map((error) => `${error.path}: ${error.message}`).join('; '), errors);
}

/** Saves as it goes: the sent dimensions and levels replace those fields; nothing is required until completion. */
export async function updateReview(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: UpdateReviewBody,
): Promise<AsamReviewView> {
  return withPatientRecord(db, ctx, asamReviewKind, id, async (tx, audit) => {
    const current = await lockReview(tx, id, version);
    if (current.status !== 'in-progress') throw notInProgress(current.status);
    checkLevels(current.edition, input);
    const dimensions = { ...(current.dimensions as StoredDimensions) };
    for (const [key, change] of Object.entries(input.dimensions ?? {})) {
      dimensions[key] = { ...dimensions[key], ...change };
    }
    const { version: _version, dimensions: _dimensions, ...levels } = input;
    await tx
      .updateTable('asamReviews')
      .set({
        ...levels,
        ...(input.differenceReason !== undefined ? { differenceReason: input.differenceReason?.trim() || null } : {}),
        dimensions: JSON.stringify(dimensions),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    // Which fields changed, never the notes themselves.
    const fields = [...Object.keys(input.dimensions ?? {}).map((key) => `dimension-${key}`), ...Object.keys(levels)];
    await audit({ action: 'update', recordType: 'asam-review', recordId: id, details: { fields } });
    return loadView(tx, id);
  });
}

/** Completes: every dimension rated, the three levels set, a reason when they differ; then it never changes. */
export async function completeReview(db: Database, ctx: RequestContext, id: string, version: number): Promise<AsamReviewView> {
  return withPatientRecord(db, ctx, asamReviewKind, id, async (tx, audit) => {
    const current = await lockReview(tx, id, version);
    if (current.status !== 'in-progress') throw notInProgress(current.status);
    const errors = missingForCompletion(current);
    if (errors.length > 0) throw ruleViolation('asam-review-incomplete', 'The review is not complete.', { errors });
    await tx
      .updateTable('asamReviews')
      .set({ status: 'completed', completedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'update',
      recordType: 'asam-review',
      recordId: id,
      details: {
        status: 'completed',
        edition: current.edition,
        indicated: current.indicatedLevel ?? '',
        chosen: current.chosenLevel ?? '',
        differs: levelsDiffer(current),
      },
    });
    return loadView(tx, id);
  });
}

/** A correction: a new review in progress starting from the old one's content, with a reason; the old one is superseded, kept as it was. */
export async function correctReview(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  input: CorrectReviewBody,
): Promise<AsamReviewView> {
  return withPatientRecord(db, ctx, asamReviewKind, id, async (tx, audit) => {
    const current = await lockReview(tx, id, version);
    if (current.status === 'superseded') throw conflict('asam-review-already-corrected', 'This review has already been corrected.');
    if (current.status !== 'completed')
      throw conflict('asam-review-not-completed', 'Only a completed review is corrected; edit one in progress.');
    const correctionId = newId();
    await tx
      .insertInto('asamReviews')
      .values({
        id: correctionId,
        organizationId: current.organizationId,
        patientId: current.patientId,
        episodeId: current.episodeId,
        edition: current.edition,
        dimensions: JSON.stringify(current.dimensions),
        indicatedLevel: current.indicatedLevel,
        availableLevel: current.availableLevel,
        chosenLevel: current.chosenLevel,
        differenceReason: current.differenceReason,
        reviewedBy: ctx.actor.userId,
        supersedesId: id,
        correctionReason: input.reason.trim(),
      })
      .execute();
    await tx
      .updateTable('asamReviews')
      .set({ status: 'superseded', ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'create', recordType: 'asam-review', recordId: correctionId, details: { supersedes: id } });
    await audit({ action: 'update', recordType: 'asam-review', recordId: id, details: { status: 'superseded', correction: correctionId } });
    return loadView(tx, correctionId);
  });
}
