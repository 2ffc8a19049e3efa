import { Nullable } from '../../lib/http/schemas.ts';
import { Type, type Static } from 'typebox';
import { CARE_TEAM_ROLES, EPISODE_PHASES, LEVEL_EDITIONS, type LevelEdition } from '../../codes.ts';
import type { PatientRow } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import { Coverage, Identifier, Phone } from './schemas.ts';

export const EpisodeSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  programId: Type.String({ format: 'uuid' }),
  programName: Type.String(),
  phase: Type.Enum(EPISODE_PHASES),
  openedOn: Type.String({ format: 'date' }),
  closedOn: Nullable(Type.String({ format: 'date' })),
  currentLevel: Nullable(Type.Object({ edition: Type.Enum(LEVEL_EDITIONS), code: Type.String() })),
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

export const PatientView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  legalFirstName: Type.String(),
  legalMiddleName: Nullable(Type.String()),
  legalLastName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String({ format: 'date' }),
  sexAtBirth: Nullable(Type.String()),
  genderIdentity: Nullable(Type.String()),
  pronouns: Nullable(Type.String()),
  raceEthnicity: Type.Array(Type.String()),
  preferredLanguage: Type.String(),
  interpreterNeeded: Type.Boolean(),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  noFixedAddress: Type.Boolean(),
  howToReach: Nullable(Type.String()),
  emergencyContactName: Nullable(Type.String()),
  emergencyContactRelationship: Nullable(Type.String()),
  emergencyContactPhone: Nullable(Type.String()),
  phones: Type.Array(Phone),
  identifiers: Type.Array(Identifier),
  coverages: Type.Array(Coverage),
  episodes: Type.Array(EpisodeSummary),
  mergedIntoId: Nullable(Type.String({ format: 'uuid', description: 'Set when this record was merged into another (the survivor)' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PatientView = Static<typeof PatientView>;
type EpisodeSummary = Static<typeof EpisodeSummary>;

/** Everything the overview shows, read with the caller's executor (inside the access check). */
export async function presentPatient(executor: Executor, patient: PatientRow, today: string): Promise<PatientView> {
  const [phones, identifiers, coverages, episodes] = await Promise.all([
    executor
      .selectFrom('patientPhones')
      .select(['number', 'kind', 'consentToText', 'voicemailSafe'])
      .where('patientId', '=', patient.id)
      .orderBy('position')
      .execute(),
    executor
      .selectFrom('patientIdentifiers')
      .select(['system', 'value', 'label'])
      .where('patientId', '=', patient.id)
      .where('retiredAt', 'is', null)
      .orderBy('system')
      .execute(),
    executor
      .selectFrom('patientCoverages')
      .select(['kind', 'payerName', 'memberId', 'startDate', 'endDate'])
      .where('patientId', '=', patient.id)
      .orderBy('startDate', 'desc')
      .execute(),
    episodeSummaries(executor, patient.id, today),
  ]);
  return {
    id: patient.id,
    legalFirstName: patient.legalFirstName,
    legalMiddleName: patient.legalMiddleName,
    legalLastName: patient.legalLastName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    sexAtBirth: patient.sexAtBirth,
    genderIdentity: patient.genderIdentity,
    pronouns: patient.pronouns,
    raceEthnicity: patient.raceEthnicity,
    preferredLanguage: patient.preferredLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    addressLine1: patient.addressLine1,
    addressLine2: patient.addressLine2,
    city: patient.city,
    state: patient.state,
    postalCode: patient.postalCode,
    noFixedAddress: patient.noFixedAddress,
    howToReach: patient.howToReach,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactRelationship: patient.emergencyContactRelationship,
    emergencyContactPhone: patient.emergencyContactPhone,
    phones: phones as PatientView['phones'],
    identifiers: identifiers as PatientView['identifiers'],
    coverages: coverages as PatientView['coverages'],
    episodes,
    mergedIntoId: patient.mergedIntoId,
    version: patient.version,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}

/** Open episodes first, then the most recent; each with today's level of care and team. */
async function episodeSummaries(executor: Executor, patientId: string, today: string): Promise<EpisodeSummary[]> {
  const episodes = await executor
    .selectFrom('episodes as e')
    .innerJoin('programs as pr', 'pr.id', 'e.programId')
    .select(['e.id', 'e.programId', 'pr.name as programName', 'e.phase', 'e.openedOn', 'e.closedOn'])
    .where('e.patientId', '=', patientId)
    .orderBy((eb) => eb.case().when('e.closedOn', 'is', null).then(0).else(1).end())
    .orderBy('e.openedOn', 'desc')
    .execute();
  if (episodes.length === 0) return [];
  const ids = episodes.map((episode) => episode.id);
  const [levels, team] = await Promise.all([
    executor
      .selectFrom('placements')
      .select(['episodeId', 'levelEdition', 'levelCode'])
      .where('episodeId', 'in', ids)
      .where('startDate', '<=', today)
      .where((eb) => eb.or([eb('actualEndDate', 'is', null), eb('actualEndDate', '>', today)]))
      .orderBy('concurrent')
      .orderBy('startDate', 'desc')
      .execute(),
    executor
      .selectFrom('careTeamMembers as m')
      .leftJoin('users as u', 'u.id', 'm.userId')
      .select(['m.episodeId', 'm.userId', 'm.role', 'm.externalName', 'u.displayName'])
      .where('m.episodeId', 'in', ids)
      .where((eb) => eb.or([eb('m.endedOn', 'is', null), eb('m.endedOn', '>', today)]))
      .orderBy('m.startedOn')
      .execute(),
  ]);
  return episodes.map((episode) => {
    const level = levels.find((row) => row.episodeId === episode.id);
    const members = team.filter((row) => row.episodeId === episode.id);
    const primary = members.find((row) => row.role === 'primary-case-manager' && row.userId);
    return {
      id: episode.id,
      programId: episode.programId,
      programName: episode.programName,
      phase: episode.phase as EpisodeSummary['phase'],
      openedOn: episode.openedOn,
      closedOn: episode.closedOn,
      currentLevel: level ? { edition: level.levelEdition as LevelEdition, code: level.levelCode } : null,
      primaryCaseManager: primary?.userId ? { userId: primary.userId, displayName: primary.displayName ?? '' } : null,
      careTeam: members.map((row) => ({
        userId: row.userId,
        name: row.displayName ?? row.externalName ?? '',
        role: row.role as EpisodeSummary['careTeam'][number]['role'],
        external: row.userId === null,
      })),
    };
  });
}
