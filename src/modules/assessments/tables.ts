import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { AssessmentMode, AssessmentStatus } from './codes.ts';

/** The assessments module's table (migrations/0201), typed. */
interface AssessmentsTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  instrumentKey: string;
  instrumentVersion: string;
  mode: AssessmentMode;
  status: Generated<AssessmentStatus>;
  /** JSON: written as text, read back parsed. */
  answers: Generated<unknown>;
  context: Generated<unknown>;
  result: unknown;
  administeredBy: string;
  startedAt: Generated<Date>;
  completedAt: Date | null;
  abandonedReason: string | null;
  supersedesId: string | null;
  correctionReason: string | null;
  crisisStepsShownAt: Date | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type AssessmentRow = Selectable<AssessmentsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    assessments: AssessmentsTable;
  }
}
