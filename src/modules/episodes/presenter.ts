import { Type, type Static } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import { Nullable } from '../../lib/http/schemas.ts';
import { CARE_TEAM_ROLES, CLOSURE_REASONS, EPISODE_PHASES, LEVEL_EDITIONS, REFERRAL_SOURCES } from './codes.ts';
import type { CareTeamMemberRow, PlacementRow } from './tables.ts';

const Day = Type.String({ format: 'date' });
const Id = Type.String({ format: 'uuid' });

export const PlacementView = Type.Object({
  id: Id,
  episodeId: Id,
  levelEdition: Type.Enum(LEVEL_EDITIONS),
  levelCode: Type.String(),
  providerName: Nullable(Type.String()),
  startDate: Day,
  plannedEndDate: Nullable(Day),
  actualEndDate: Nullable(Day),
  concurrent: Type.Boolean(),
  note: Nullable(Type.String()),
  asamReviewId: Nullable(Id),
  version: Type.Integer(),
});
export type PlacementView = Static<typeof PlacementView>;

export const CareTeamMemberView = Type.Object({
  id: Id,
  episodeId: Id,
  userId: Nullable(Id),
  name: Type.String(),
  organization: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  role: Type.Enum(CARE_TEAM_ROLES),
  startedOn: Day,
  endedOn: Nullable(Day),
  handoffNote: Nullable(Type.String()),
});
export type CareTeamMemberView = Static<typeof CareTeamMemberView>;

export const EpisodeView = Type.Object({
  id: Id,
  patientId: Id,
  /** The name to show on the episode's screen, so it needs no second read of the patient. */
  patientName: Type.Object({ legalFirstName: Type.String(), legalLastName: Type.String(), preferredName: Nullable(Type.String()) }),
  programId: Id,
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
  placements: Type.Array(PlacementView),
  careTeam: Type.Array(CareTeamMemberView),
});
export type EpisodeView = Static<typeof EpisodeView>;

export function presentPlacement(row: PlacementRow): PlacementView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    levelEdition: row.levelEdition,
    levelCode: row.levelCode,
    providerName: row.providerName,
    startDate: row.startDate,
    plannedEndDate: row.plannedEndDate,
    actualEndDate: row.actualEndDate,
    concurrent: row.concurrent,
    note: row.note,
    asamReviewId: row.asamReviewId,
    version: row.version,
  };
}

export function presentMember(row: CareTeamMemberRow & { displayName: string | null }): CareTeamMemberView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    userId: row.userId,
    name: row.displayName ?? row.externalName ?? '',
    organization: row.externalOrganization,
    phone: row.externalPhone,
    role: row.role,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    handoffNote: row.handoffNote,
  };
}

export function selectMembers(executor: Executor) {
  return executor.selectFrom('careTeamMembers as m').leftJoin('users as u', 'u.id', 'm.userId').selectAll('m').select('u.displayName');
}

/** The whole episode: its history of phases, placements and team, past members included. */
export async function presentEpisode(executor: Executor, episodeId: string): Promise<EpisodeView> {
  const episode = await executor
    .selectFrom('episodes as e')
    .innerJoin('programs as p', 'p.id', 'e.programId')
    .innerJoin('patients as pt', 'pt.id', 'e.patientId')
    .selectAll('e')
    .select(['p.name as programName', 'pt.legalFirstName', 'pt.legalLastName', 'pt.preferredName'])
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
    selectMembers(executor)
      .where('m.episodeId', '=', episodeId)
      .orderBy((eb) => eb.case().when('m.role', '=', 'primary-case-manager').then(0).else(1).end())
      .orderBy('m.startedOn', 'desc')
      // A same-day handoff leaves two periods starting that day: the one still running first.
      .orderBy((eb) => eb.case().when('m.endedOn', 'is', null).then(0).else(1).end())
      .orderBy('m.createdAt', 'desc')
      .execute(),
  ]);
  return {
    id: episode.id,
    patientId: episode.patientId,
    patientName: { legalFirstName: episode.legalFirstName, legalLastName: episode.legalLastName, preferredName: episode.preferredName },
    programId: episode.programId,
    programName: episode.programName,
    referralSource: episode.referralSource,
    referralDate: episode.referralDate,
    firstContactDate: episode.firstContactDate,
    openedOn: episode.openedOn,
    closedOn: episode.closedOn,
    closureReason: episode.closureReason,
    phase: episode.phase,
    version: episode.version,
    phases,
    placements: placements.map(presentPlacement),
    careTeam: team.map(presentMember),
  };
}
