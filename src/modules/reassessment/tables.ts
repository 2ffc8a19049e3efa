import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';

/** A program's reassessment schedule (migrations/0332). */
interface ReassessmentSchedulesTable {
  programId: string;
  organizationId: string;
  /** JSON: a list of ScheduleRule (due.ts); written as text, read back parsed. */
  rules: Generated<unknown>;
  updatedBy: string;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type ReassessmentScheduleRow = Selectable<ReassessmentSchedulesTable>;

declare module '../../db/schema.ts' {
  interface DB {
    reassessmentSchedules: ReassessmentSchedulesTable;
  }
}
