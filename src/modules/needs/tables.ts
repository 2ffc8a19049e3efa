import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { LifeDomain, NeedSource, NeedStatus, NeedUrgency, StrengthKind } from './codes.ts';

/** The needs module's tables (migrations/0320), typed. */
interface NeedsTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  domain: LifeDomain;
  urgency: NeedUrgency;
  status: NeedStatus;
  description: string | null;
  source: NeedSource;
  assessmentId: string | null;
  instrumentKey: string | null;
  screenFindings: Generated<string[]>;
  dismissedReason: string | null;
  createdBy: string | null;
  statusChangedAt: Generated<Date>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface NeedStatusChangesTable {
  id: string;
  organizationId: string;
  patientId: string;
  needId: string;
  fromStatus: NeedStatus | null;
  toStatus: NeedStatus;
  note: string | null;
  changedBy: string | null;
  changedAt: Generated<Date>;
}

interface StrengthsTable {
  id: string;
  organizationId: string;
  patientId: string;
  domain: LifeDomain;
  kind: StrengthKind;
  description: string;
  inPatientsWords: Generated<boolean>;
  createdBy: string | null;
  deletedAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type NeedRow = Selectable<NeedsTable>;
export type StrengthRow = Selectable<StrengthsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    needs: NeedsTable;
    needStatusChanges: NeedStatusChangesTable;
    strengths: StrengthsTable;
  }
}
