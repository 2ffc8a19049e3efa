import { Nullable } from '../../lib/http/schemas.ts';
import { Type, type Static } from 'typebox';
import { CARE_TEAM_ROLES, CLOSURE_REASONS, EPISODE_PHASES, LEVEL_EDITIONS, REFERRAL_SOURCES } from '../../codes.ts';
import type { Executor } from '../../lib/audit/audit.ts';

const Day = Type.String({ format: 'date' });

export const EpisodeView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  patientId: Type.String({ format: 'uuid' }),
  programId: Type.String({ format: 'uuid' }),
  programName: Type.String(),
  referralSource: Type.Enum(REFERRAL_SOURCES),
  referralDate: Nullable(Day),
  firstContactDate: Nullable(Day),
  openedOn: Day,
  closedOn: Nullable(Day),
  closureReason: Nullable(Type.Enum(CLOSURE_REASONS)),
  phase: Type.Enum(EPISODE_PHASES),
  version: Type.Integer(),
  phases: Type.Array(
    Type.Object({ phase: Type.Enum(EPISODE_PHASES), startedOn: Day, note: Nullable(Type.String()), recordedBy: Type.String() }),
  ),
  placements: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      levelEdition: Type.Enum(LEVEL_EDITIONS),
      levelCode: Type.String(),
      providerName: Nullable(Type.String()),
      startDate: Day,
      plannedEndDate: Nullable(Day),
      actualEndDate: Nullable(Day),
      concurrent: Type.Boolean(),
      note: Nullable(Type.String()),
      version: Type.Integer(),
    }),
  ),
  careTeam: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      userId: Nullable(Type.String({ format: 'uuid' })),
      name: Type.String(),
      organization: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      role: Type.Enum(CARE_TEAM_ROLES),
      startedOn: Day,
      endedOn: Nullable(Day),
      handoffNote: Nullable(Type.String()),
    }),
  ),
});
export type EpisodeView = Static<typeof EpisodeView>;

/** The whole episode: its history of phases, placements and team, past members included. */
export async function presentEpisode(executor: Executor, episodeId: string): Promise<EpisodeView> {
  const episode = await executor
    .selectFrom('episodes as e')
    .innerJoin('programs as p', 'p.id', 'e.programId')
    .selectAll('e')
    .select('p.name as programName')
    .where('e.id', '=', episodeId)
    .executeTakeFirstOrThrow();
  const [phases, placements, team] = await Promise.all([
    executor
      .selectFrom('episodePhases as ph')
      .innerJoin('users as u', 'u.id', 'ph.recordedBy')
      .select(['ph.phase', 'ph.startedOn', 'ph.note', 'u.displayName as recordedBy'])
      .where('ph.episodeId', '=', episodeId)
      .orderBy('ph.startedOn')
      .orderBy('ph.recordedAt')
      .execute(),
    executor.selectFrom('placements').selectAll().where('episodeId', '=', episodeId).orderBy('startDate').execute(),
    executor
      .selectFrom('careTeamMembers as m')
      .leftJoin('users as u', 'u.id', 'm.userId')
      .selectAll('m')
      .select('u.displayName')
      .where('m.episodeId', '=', episodeId)
      .orderBy((eb) => eb.case().when('m.role', '=', 'primary-case-manager').then(0).else(1).end())
      .orderBy('m.startedOn', 'desc')
      .execute(),
  ]);
  return {
    id: episode.id,
    patientId: episode.patientId,
    programId: episode.programId,
    programName: episode.programName,
    referralSource: episode.referralSource as EpisodeView['referralSource'],
    referralDate: episode.referralDate,
    firstContactDate: episode.firstContactDate,
    openedOn: episode.openedOn,
    closedOn: episode.closedOn,
    closureReason: episode.closureReason as EpisodeView['closureReason'],
    phase: episode.phase as EpisodeView['phase'],
    version: episode.version,
    phases: phases.map((row) => ({ ...row, phase: row.phase as EpisodeView['phase'] })),
    placements: placements.map((row) => ({
      id: row.id,
      levelEdition: row.levelEdition as EpisodeView['placements'][number]['levelEdition'],
      levelCode: row.levelCode,
      providerName: row.providerName,
      startDate: row.startDate,
      plannedEndDate: row.plannedEndDate,
      actualEndDate: row.actualEndDate,
      concurrent: row.concurrent,
      note: row.note,
      version: row.version,
    })),
    careTeam: team.map((row) => ({
      id: row.id,
      userId: row.userId,
      name: row.displayName ?? row.externalName ?? '',
      organization: row.externalOrganization,
      phone: row.externalPhone,
      role: row.role as EpisodeView['careTeam'][number]['role'],
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      handoffNote: row.handoffNote,
    })),
  };
}
