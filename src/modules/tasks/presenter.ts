import type { Executor } from '../../lib/audit/audit.ts';
import type { TaskRow } from './tables.ts';

export interface TaskView {
  id: string;
  patientId: string | null;
  episodeId: string | null;
  title: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  assignedToPatient: boolean;
  dueOn: string;
  priority: TaskRow['priority'];
  status: TaskRow['status'];
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  source: { kind: string; recordType: string | null; recordId: string | null } | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export function selectTasks(executor: Executor) {
  return executor
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assigneeUserId')
    .selectAll('t')
    .select('u.displayName as assigneeName');
}

export function presentTask(row: TaskRow & { assigneeName: string | null }): TaskView {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    title: row.title,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assigneeName,
    assignedToPatient: row.assignedToPatient,
    dueOn: row.dueOn,
    priority: row.priority,
    status: row.status,
    statusChangedBy: row.statusChangedBy,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    source: row.sourceKind ? { kind: row.sourceKind, recordType: row.sourceRecordType, recordId: row.sourceRecordId } : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export async function loadTask(executor: Executor, id: string): Promise<TaskView> {
  return presentTask(await selectTasks(executor).where('t.id', '=', id).executeTakeFirstOrThrow());
}
