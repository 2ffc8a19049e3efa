import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { TaskEvent, TaskPriority, TaskStatus } from './codes.ts';

/** The tasks module's tables (migrations/0310), typed. */
interface TasksTable {
  id: string;
  organizationId: string;
  patientId: string | null;
  episodeId: string | null;
  title: string;
  assigneeUserId: string | null;
  assignedToPatient: Generated<boolean>;
  dueOn: string;
  priority: Generated<TaskPriority>;
  status: Generated<TaskStatus>;
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
  sourceKind: string | null;
  sourceRecordType: string | null;
  sourceRecordId: string | null;
  createdBy: string;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface TaskEventsTable {
  id: string;
  organizationId: string;
  patientId: string | null;
  taskId: string;
  event: TaskEvent;
  at: Generated<Date>;
  actorId: string;
  fromUserId: string | null;
  toUserId: string | null;
}

export type TaskRow = Selectable<TasksTable>;

declare module '../../db/schema.ts' {
  interface DB {
    tasks: TasksTable;
    taskEvents: TaskEventsTable;
  }
}
