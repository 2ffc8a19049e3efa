import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { CareTeamRole, ClosureReason, EpisodePhase, LevelEdition, ReferralSource } from './codes.ts';

/** The episodes module's tables (src/migrations/0002, modules/episodes/migrations), typed. */
interface EpisodesTable {
  id: string;
  organizationId: string;
  patientId: string;
  programId: string;
  referralSource: ReferralSource;
  referralDate: string | null;
  firstContactDate: string | null;
  openedOn: string;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  phase: EpisodePhase;
  /** Maintained by the contacts module (migrations 0300): the last successful contact and the failed attempts since. */
  lastContactAt: Date | null;
  unansweredAttempts: Generated<number>;
  firstUnansweredAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface EpisodePhasesTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  phase: EpisodePhase;
  startedOn: string;
  recordedBy: string;
  recordedAt: CreatedAt;
  note: string | null;
}

interface PlacementsTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  levelEdition: LevelEdition;
  levelCode: string;
  providerName: string | null;
  startDate: string;
  plannedEndDate: string | null;
  actualEndDate: string | null;
  concurrent: Generated<boolean>;
  note: string | null;
  /** The ASAM review this placement follows from (asam module, migrations/0331). */
  asamReviewId: Generated<string | null>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface CareTeamMembersTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  userId: string | null;
  externalName: string | null;
  externalOrganization: string | null;
  externalPhone: string | null;
  role: CareTeamRole;
  startedOn: string;
  endedOn: string | null;
  handoffNote: string | null;
  recordedBy: string;
  createdAt: CreatedAt;
}

declare module '../../db/schema.ts' {
  interface DB {
    episodes: EpisodesTable;
    episodePhases: EpisodePhasesTable;
    placements: PlacementsTable;
    careTeamMembers: CareTeamMembersTable;
  }
}

export type EpisodeRow = Selectable<EpisodesTable>;
export type PlacementRow = Selectable<PlacementsTable>;
export type CareTeamMemberRow = Selectable<CareTeamMembersTable>;
