import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { Type, type Static } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { Nullable } from '../../lib/http/schemas.ts';
import type { OverviewSection } from '../../lib/modules.ts';
import { episodeVisibleTo, todayOf } from '../patients/access.ts';
import { CARE_TEAM_ROLES, EPISODE_PHASES, LEVEL_EDITIONS } from './codes.ts';

const EpisodeSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  programId: Type.String({ format: 'uuid' }),
  programName: Type.String(),
  phase: Type.Enum(EPISODE_PHASES),
  openedOn: Type.String({ format: 'date' }),
  closedOn: Nullable(Type.String({ format: 'date' })),
  currentLevel: Nullable(Type.Object({ edition: Type.Enum(LEVEL_EDITIONS), code: Type.String() })),
  /** Every level of care running today: an outpatient level and an opioid treatment program side by side. */
  currentLevels: Type.Array(
    Type.Object({ edition: Type.Enum(LEVEL_EDITIONS), code: Type.String(), concurrent: Type.Boolean(), note: Nullable(Type.String()) }),
  ),
  primaryCaseManager: Nullable(Type.Object({ userId: Type.String({ format: 'uuid' }), displayName: Type.String() })),
  careTeam: Type.Array(
    Type.Object({
      userId: Nullable(Type.String({ format: 'uuid' })),
      name: Type.String(),
      role: Type.Enum(CARE_TEAM_ROLES),
      external: Type.Boolean(),
    }),
  ),
});
type EpisodeSummary = Static<typeof EpisodeSummary>;

/**
 * Open episodes first, then the most recent; each with today's level of care and team. The
 * three lists are read in one statement (each as JSON): one round trip, not three, on every
 * overview (docs/performance.md, "Under load").
 */
async function episodeSummaries(executor: Executor, ctx: RequestContext, patientId: string): Promise<EpisodeSummary[]> {
  const today = todayOf(ctx.actor);
  const episodesQuery = executor
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', 'pr.id', 'e.programId')
    .select(['e.id', 'e.programId', 'pr.name as programName', 'e.phase', 'e.openedOn', 'e.closedOn'])
    .where('e.patientId', '=', patientId)
    // An episode restricted against the reader is not listed (docs/restrictions.md).
    .where(episodeVisibleTo(ctx.actor, today, 'e.id'))
    .orderBy((eb) => eb.case().when('e.closedOn', 'is', null).then(0).else(1).end())
    .orderBy('e.openedOn', 'desc');
  const levelsQuery = executor
    .selectFrom('placements')
    .select(['episodeId', 'levelEdition', 'levelCode', 'concurrent', 'note'])
    .where('patientId', '=', patientId)
    .where('startDate', '<=', today)
    .where((eb) => eb.or([eb('actualEndDate', 'is', null), eb('actualEndDate', '>', today)]))
    .orderBy('concurrent')
    .orderBy('startDate', 'desc');
  const teamQuery = executor
    .selectFrom('careTeamMembers as m')
    .leftJoin('users as u', 'u.id', 'm.userId')
    .select(['m.episodeId', 'm.userId', 'm.role', 'm.externalName', 'u.displayName'])
    .where('m.patientId', '=', patientId)
    .where('m.startedOn', '<=', today)
    .where((eb) => eb.or([eb('m.endedOn', 'is', null), eb('m.endedOn', '>', today)]))
    .orderBy('m.startedOn');
  const { episodes, levels, team } = await executor
    .selectNoFrom([
      jsonArrayFrom(episodesQuery).as('episodes'),
      jsonArrayFrom(levelsQuery).as('levels'),
      jsonArrayFrom(teamQuery).as('team'),
    ])
    .executeTakeFirstOrThrow();
  return episodes.map((episode) => {
    const running = levels.filter((row) => row.episodeId === episode.id);
    const level = running[0];
    const members = team.filter((row) => row.episodeId === episode.id);
    const primary = members.find((row) => row.role === 'primary-case-manager' && row.userId);
    return {
      ...episode,
      currentLevel: level ? { edition: level.levelEdition, code: level.levelCode } : null,
      currentLevels: running.map((row) => ({ edition: row.levelEdition, code: row.levelCode, concurrent: row.concurrent, note: row.note })),
      primaryCaseManager: primary?.userId ? { userId: primary.userId, displayName: primary.displayName ?? '' } : null,
      careTeam: members.map((row) => ({
        userId: row.userId,
        name: row.displayName ?? row.externalName ?? '',
        role: row.role,
        external: row.userId === null,
      })),
    };
  });
}

/** The episodes module's part of the patient overview. */
export const episodesSection: OverviewSection = {
  key: 'episodes',
  schema: Type.Array(EpisodeSummary),
  load: episodeSummaries,
};
