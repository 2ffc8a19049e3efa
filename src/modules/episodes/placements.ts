import { LEVELS_OF_CARE } from '../../codes.ts';
import { changedFields } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, notFound, ruleViolation } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { PlacementBody, UpdatePlacementBody } from './schemas.ts';
import { withEpisode } from './service.ts';

/** The database refuses overlapping placements (an exclusion constraint); say it in words. */
function explainOverlap(error: unknown, path: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === '23P01') {
    return ruleViolation('This placement overlaps another one in the same episode.', [
      { path, message: 'overlaps another placement (mark one concurrent if both really run at once)' },
    ]);
  }
  return error;
}

export async function addPlacement(db: Database, ctx: RequestContext, episodeId: string, input: PlacementBody): Promise<string> {
  const codes: readonly string[] = LEVELS_OF_CARE[input.levelEdition];
  if (!codes.includes(input.levelCode))
    throw fieldError('/levelCode', `is not a level of care in ${input.levelEdition} (${codes.join(', ')})`);
  if (input.plannedEndDate && input.plannedEndDate < input.startDate)
    throw fieldError('/plannedEndDate', 'must be on or after the start date');
  try {
    return await withEpisode(db, ctx, episodeId, async (tx, audit, episode) => {
      if (episode.closedOn) throw conflict('The episode is closed.');
      if (input.startDate < episode.openedOn)
        throw fieldError('/startDate', `must be on or after the episode opened (${episode.openedOn})`);
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
  if (!placement) throw notFound('placement');
  try {
    await withEpisode(db, ctx, placement.episodeId, async (tx, audit) => {
      const current = checkVersion(
        await tx.selectFrom('placements').selectAll().where('id', '=', placementId).forUpdate().executeTakeFirst(),
        version,
        'placement',
      );
      const actualEnd = input.actualEndDate !== undefined ? input.actualEndDate : current.actualEndDate;
      if (actualEnd && actualEnd < current.startDate)
        throw fieldError('/actualEndDate', `must be on or after the start date (${current.startDate})`);
      const plannedEnd = input.plannedEndDate !== undefined ? input.plannedEndDate : current.plannedEndDate;
      if (plannedEnd && plannedEnd < current.startDate)
        throw fieldError('/plannedEndDate', `must be on or after the start date (${current.startDate})`);
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
