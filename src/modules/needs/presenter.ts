import type { NeedStatus } from './codes.ts';
import type { NeedRow, StrengthRow } from './tables.ts';

export interface NeedHistoryRow {
  fromStatus: NeedStatus | null;
  toStatus: NeedStatus;
  note: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
}

export function presentNeed(row: NeedRow, history: readonly NeedHistoryRow[]) {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    domain: row.domain,
    urgency: row.urgency,
    status: row.status,
    description: row.description,
    source: row.source,
    assessmentId: row.assessmentId,
    instrumentKey: row.instrumentKey,
    screenFindings: row.screenFindings,
    dismissedReason: row.dismissedReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    history: history.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      note: change.note,
      changedBy: change.changedBy,
      changedByName: change.changedByName,
      changedAt: change.changedAt.toISOString(),
    })),
    version: row.version,
  };
}
export type NeedView = ReturnType<typeof presentNeed>;

export function presentStrength(row: StrengthRow) {
  return {
    id: row.id,
    patientId: row.patientId,
    domain: row.domain,
    kind: row.kind,
    description: row.description,
    inPatientsWords: row.inPatientsWords,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
export type StrengthView = ReturnType<typeof presentStrength>;
