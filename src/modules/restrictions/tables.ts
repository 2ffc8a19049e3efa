import type { Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { RestrictionReason } from './codes.ts';

/** The restrictions module's table (migrations/0360), typed. */
interface RecordRestrictionsTable {
  id: string;
  organizationId: string;
  patientId: string;
  /** Null: the whole patient; else one episode. */
  episodeId: string | null;
  reason: RestrictionReason;
  allowedUserIds: string[];
  excludedUserIds: string[];
  restrictedBy: string;
  restrictedAt: CreatedAt;
  liftedBy: string | null;
  liftedAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type RestrictionRow = Selectable<RecordRestrictionsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    recordRestrictions: RecordRestrictionsTable;
  }
}
