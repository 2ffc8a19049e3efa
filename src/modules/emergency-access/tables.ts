import type { Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { EmergencyAccessFinding } from './codes.ts';

/** The emergency-access module's table (migrations/0350), typed. */
interface EmergencyAccessGrantsTable {
  id: string;
  organizationId: string;
  patientId: string;
  userId: string;
  reason: string;
  startedAt: Timestamp;
  expiresAt: Timestamp;
  endedAt: Date | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  finding: EmergencyAccessFinding | null;
  reviewNote: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type EmergencyAccessGrantRow = Selectable<EmergencyAccessGrantsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    emergencyAccessGrants: EmergencyAccessGrantsTable;
  }
}
