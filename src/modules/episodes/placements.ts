import { LEVELS_OF_CARE } from '../../codes.ts';
import { changedFields } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, fieldProblem, notFound, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
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

export async function addPlacement(db: Database, ctx: RequestContext, episodeId: string, input: PlacementBody): Promise<string> {
  const codes: readonly string[] = LEVELS_OF_CARE[input.levelEdition];
  if (!codes.includes(input.levelCode))
    throw fieldError('/levelCode', 'unknown-level', `is not a level of care in ${input.levelEdition} (${codes.join(', ')})`, {
      edition: input.levelEdition,
    });
  if (input.plannedEndDate && input.plannedEndDate < input.startDate)
    throw fieldError('/plannedEndDate', 'before-start', 'must be on or after the start date', { date: input.startDate });
  try {
    return await withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
      if (episode.closedOn) throw conflict('episode-closed', 'The episode is closed.');
      if (input.startDate < episode.openedOn)
        throw fieldError('/startDate', 'before-episode-opened', `must be on or after the episode opened (${episode.openedOn})`, {
          date: episode.openedOn,
        });
      const id = newId();
      await tx
        .insertInto('placements')
        .values({
          id,
          organizationId: ctx.actor.organizationId,
          episodeId,
          levelEdition: input.levelEdition,
          levelCode: input.levelCode,
          providerName: input.providerName ?? null,
          startDate: input.startDate,
          plannedEndDate: input.plannedEndDate ?? null,
          concurrent: input.concurrent ?? false,
          note: input.note ?? null,
        })
        .execute();
      await audit({
        action: 'create',
        recordType: 'placement',
        recordId: id,
        details: { levelEdition: input.levelEdition, levelCode: input.levelCode },
      });
      return id;
    });
  } catch (error) {
    throw explainOverlap(error, '/startDate');
  }
}

export async function updatePlacement(
  db: Database,
  ctx: RequestContext,
  placementId: string,
  version: number,
  input: UpdatePlacementBody,
): Promise<void> {
  const placement = await db
    .selectFrom('placements')
    .select(['episodeId'])
    .where('id', '=', placementId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!placement) throw notFound();
  try {
    await withEpisode(db, ctx, placement.episodeId, async (tx, audit) => {
      const current = checkVersion(
        await tx.selectFrom('placements').selectAll().where('id', '=', placementId).forUpdate().executeTakeFirst(),
        version,
      );
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
      await tx
        .updateTable('placements')
        .set({
          ...(input.providerName !== undefined ? { providerName: input.providerName } : {}),
          ...(input.plannedEndDate !== undefined ? { plannedEndDate: input.plannedEndDate } : {}),
          ...(input.actualEndDate !== undefined ? { actualEndDate: input.actualEndDate } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...nextVersion(),
        })
        .where('id', '=', placementId)
        .execute();
      await audit({ action: 'update', recordType: 'placement', recordId: placementId, details: { fields: changedFields(input) } });
    });
  } catch (error) {
    throw explainOverlap(error, '/actualEndDate');
  }
}
