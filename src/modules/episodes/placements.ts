import { changedFields } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, fieldProblem, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { checkCitedReview } from '../asam/citation.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import { LEVELS_OF_CARE } from './codes.ts';
import { presentPlacement, type PlacementView } from './presenter.ts';
import { placementKind } from './records.ts';
import type { PlacementBody, UpdatePlacementBody } from './schemas.ts';
import { withEpisode } from './service.ts';

/** The database refuses overlapping placements (an exclusion constraint); say it in words. */
function explainOverlap(error: unknown, path: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === '23P01') {
    return ruleViolation('placement-overlap', 'This placement overlaps another one in the same episode.', {
      errors: [fieldProblem(path, 'placement-overlap', 'overlaps another placement (mark one concurrent if both really run at once)')],
    });
  }
  return error;
}

export async function addPlacement(db: Database, ctx: RequestContext, episodeId: string, input: PlacementBody): Promise<PlacementView> {
  try {
    return await withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
      const codes: readonly string[] = LEVELS_OF_CARE[input.levelEdition];
      if (!codes.includes(input.levelCode))
        throw fieldError('/levelCode', 'unknown-level', `is not a level of care in ${input.levelEdition} (${codes.join(', ')})`, {
          edition: input.levelEdition,
        });
      if (input.plannedEndDate && input.plannedEndDate < input.startDate)
        throw fieldError('/plannedEndDate', 'before-start', 'must be on or after the start date', { date: input.startDate });
      if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
      if (input.asamReviewId) await checkCitedReview(tx, episodeId, input.asamReviewId);
      if (input.startDate < episode.openedOn)
        throw fieldError('/startDate', 'before-episode-opened', `must be on or after the episode opened (${episode.openedOn})`, {
          date: episode.openedOn,
        });
      const placement = await tx
        .insertInto('placements')
        .values({
          id: newId(),
          organizationId: ctx.actor.organizationId,
          patientId: episode.patientId,
          episodeId,
          levelEdition: input.levelEdition,
          levelCode: input.levelCode,
          providerName: input.providerName ?? null,
          startDate: input.startDate,
          plannedEndDate: input.plannedEndDate ?? null,
          concurrent: input.concurrent ?? false,
          note: input.note ?? null,
          asamReviewId: input.asamReviewId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({
        action: 'create',
        recordType: 'placement',
        recordId: placement.id,
        details: { episodeId, levelEdition: input.levelEdition, levelCode: input.levelCode, asamReviewId: input.asamReviewId ?? null },
      });
      return presentPlacement(placement);
    });
  } catch (error) {
    throw explainOverlap(error, '/startDate');
  }
}

export async function getPlacement(db: Database, ctx: RequestContext, placementId: string): Promise<PlacementView> {
  return readPatientRecord(db, ctx, placementKind, placementId, async (tx) =>
    presentPlacement(await tx.selectFrom('placements').selectAll().where('id', '=', placementId).executeTakeFirstOrThrow()),
  );
}

export async function updatePlacement(
  db: Database,
  ctx: RequestContext,
  placementId: string,
  version: number,
  input: UpdatePlacementBody,
): Promise<PlacementView> {
  try {
    return await withPatientRecord(db, ctx, placementKind, placementId, async (tx, audit) => {
      const current = checkVersion(await tx.selectFrom('placements').selectAll().where('id', '=', placementId).executeTakeFirst(), version);
      if (input.asamReviewId) await checkCitedReview(tx, current.episodeId, input.asamReviewId);
      const actualEnd = input.actualEndDate !== undefined ? input.actualEndDate : current.actualEndDate;
      if (actualEnd && actualEnd < current.startDate)
        throw fieldError('/actualEndDate', 'before-start', `must be on or after the start date (${current.startDate})`, {
          date: current.startDate,
        });
      const plannedEnd = input.plannedEndDate !== undefined ? input.plannedEndDate : current.plannedEndDate;
      if (plannedEnd && plannedEnd < current.startDate)
        throw fieldError('/plannedEndDate', 'before-start', `must be on or after the start date (${current.startDate})`, {
          date: current.startDate,
        });
      const { version: _version, ...changes } = input;
      const fields = changedFields(changes, current);
      const placement =
        fields.length > 0
          ? await tx
              .updateTable('placements')
              .set({ ...changes, ...nextVersion() })
              .where('id', '=', placementId)
              .returningAll()
              .executeTakeFirstOrThrow()
          : current;
      await audit({ action: 'update', recordType: 'placement', recordId: placementId, details: { episodeId: current.episodeId, fields } });
      return presentPlacement(placement);
    });
  } catch (error) {
    throw explainOverlap(error, '/actualEndDate');
  }
}
