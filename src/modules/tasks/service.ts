import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { withAudit, type Audit } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { AuditedRefusal, conflict, fieldError, fieldProblem, forbidden, notFound, ruleViolation } from '../../lib/errors.ts';
import { decodeCursor, toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import type { ModuleRegistry } from '../../lib/modules.ts';
import {
  canSeePatient,
  checkPatientRecord,
  episodeVisibleTo,
  patientVisibleTo,
  readPatientRecord,
  todayOf,
  withPatientRecord,
} from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';
import type { TaskEvent, TaskPriority } from './codes.ts';
import { loadTask, presentTask, selectTasks, type TaskView } from './presenter.ts';
import { taskKind } from './records.ts';
import type {
  CreateOwnTaskBody,
  CreatePatientTaskBody,
  PatientTasksQuery,
  ReassignTaskBody,
  TaskReassignmentBody,
  UpdateTaskBody,
} from './schemas.ts';
import { supervisesStaffMember } from './staff.ts';
import type { TaskRow } from './tables.ts';

/**
 * What another module hands `createTask`: a task of a patient it is already working on, inside
 * its own checked, audited transaction. `source` names what made it (`referral-follow-up`, a
 * record of the calling module) so the task links back and the trail says why it exists.
 */
export interface NewTask {
  patientId: string;
  episodeId?: string | null;
  title: string;
  dueOn: string;
  priority?: TaskPriority;
  /** A staff member who can see the patient; or the patient, for their own steps. */
  assignee: { userId: string } | 'patient';
  source?: { kind: string; recordType?: string; recordId?: string } | null;
}

async function recordEvent(
  tx: Transaction<DB>,
  ctx: RequestContext,
  task: Pick<TaskRow, 'id' | 'organizationId' | 'patientId'>,
  event: TaskEvent,
  move: { from: string | null; to: string | null } | null = null,
) {
  await tx
    .insertInto('taskEvents')
    .values({
      id: newId(),
      organizationId: task.organizationId,
      patientId: task.patientId,
      taskId: task.id,
      event,
      actorId: ctx.actor.userId,
      fromUserId: move?.from ?? null,
      toUserId: move?.to ?? null,
    })
    .execute();
}

/** The assignee of a patient's task must be active staff who can see the patient (else the task would vanish from their Today). */
async function assertAssigneeSeesPatient(tx: Transaction<DB>, ctx: RequestContext, userId: string, patientId: string, path: string) {
  const user = await tx
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('id', '=', userId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('status', '=', 'active')
    .where('kind', '=', 'person')
    .executeTakeFirst();
  if (!user) throw fieldError(path, 'assignee-not-staff', 'is not an active staff member of the organization');
  const assignee: Actor = { ...ctx.actor, userId: user.id, roles: user.roles };
  if (!(await canSeePatient(tx, assignee, patientId)))
    throw ruleViolation('assignee-cannot-see-patient', 'That person cannot see this patient: add them to the care team first.', {
      errors: [fieldProblem(path, 'assignee-cannot-see-patient', 'cannot see this patient')],
    });
}

/**
 * THE seam for other modules (docs/tasks.md): creates a task of a patient inside the caller's
 * transaction, with the caller's `audit` (bound to the patient by the access wrapper that
 * checked it). Records the source, the `created` event and one audit row.
 */
export async function createTask(tx: Transaction<DB>, ctx: RequestContext, audit: Audit, input: NewTask): Promise<TaskView> {
  if (input.episodeId) {
    const episode = await tx
      .selectFrom('episodes')
      .select('id')
      .where('id', '=', input.episodeId)
      .where('patientId', '=', input.patientId)
      .executeTakeFirst();
    if (!episode) throw fieldError('/episodeId', 'episode-not-of-patient', 'is not an episode of this patient');
  }
  if (input.assignee !== 'patient') await assertAssigneeSeesPatient(tx, ctx, input.assignee.userId, input.patientId, '/assigneeUserId');
  const id = newId();
  const row = await tx
    .insertInto('tasks')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      patientId: input.patientId,
      episodeId: input.episodeId ?? null,
      title: input.title.trim(),
      assigneeUserId: input.assignee === 'patient' ? null : input.assignee.userId,
      assignedToPatient: input.assignee === 'patient',
      dueOn: input.dueOn,
      priority: input.priority ?? 'normal',
      sourceKind: input.source?.kind ?? null,
      sourceRecordType: input.source?.recordType ?? null,
      sourceRecordId: input.source?.recordId ?? null,
      createdBy: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, ctx, row, 'created');
  await audit({
    action: 'create',
    recordType: 'task',
    recordId: id,
    patientId: input.patientId,
    details: {
      assigneeUserId: row.assigneeUserId,
      assignedToPatient: row.assignedToPatient,
      dueOn: row.dueOn,
      source: row.sourceKind,
      sourceRecordId: row.sourceRecordId,
    },
  });
  return loadTask(tx, id);
}

/** A task of a patient made by hand, optionally from a record of that patient ("call back Thursday" on a contact). */
export async function createPatientTask(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  patientId: string,
  input: CreatePatientTaskBody,
): Promise<TaskView> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit, record) => {
    if (input.source) {
      // The source must be a record of this same patient, of a registered kind.
      const kind = registry.patientRecords.find((candidate) => candidate.recordType === input.source?.recordType);
      if (!kind) throw fieldError('/source/recordType', 'source-not-of-patient', 'is not a kind of patient record');
      const source = await checkPatientRecord(tx, ctx.actor, kind, input.source.recordId, { lock: false }).catch(() => null);
      if (source?.patientId !== record.patientId)
        throw fieldError('/source/recordId', 'source-not-of-patient', 'is not a record of this patient');
    }
    if (input.assignedToPatient && input.assigneeUserId)
      throw fieldError('/assigneeUserId', 'assignee-patient-needs-patient', 'leave it out when the task is the patient’s own');
    return createTask(tx, ctx, audit, {
      patientId: record.patientId,
      episodeId: input.episodeId ?? null,
      title: input.title,
      dueOn: input.dueOn,
      ...(input.priority ? { priority: input.priority } : {}),
      assignee: input.assignedToPatient ? 'patient' : { userId: input.assigneeUserId ?? ctx.actor.userId },
      source: input.source ? { kind: input.source.recordType, ...input.source } : null,
    });
  });
}

/** A staff member's own task, with no patient: theirs, or a supervisor's for one of their staff. */
export async function createOwnTask(db: Database, ctx: RequestContext, input: CreateOwnTaskBody): Promise<TaskView> {
  return withAudit(db, ctx, async (tx, audit) => {
    const assignee = input.assigneeUserId ?? ctx.actor.userId;
    if (assignee !== ctx.actor.userId && !(await supervisesStaffMember(tx, ctx.actor, assignee)))
      throw fieldError('/assigneeUserId', 'not-your-staff', 'is neither you nor someone you supervise');
    const row = await tx
      .insertInto('tasks')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        title: input.title.trim(),
        assigneeUserId: assignee,
        dueOn: input.dueOn,
        priority: input.priority ?? 'normal',
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, ctx, row, 'created');
    await audit({ action: 'create', recordType: 'task', recordId: row.id, details: { assigneeUserId: assignee, dueOn: row.dueOn } });
    return loadTask(tx, row.id);
  });
}

/** A task without a patient is seen by its assignee, its author and the assignee's supervisors. */
async function seesOwnTask(tx: Transaction<DB>, actor: Actor, task: Pick<TaskRow, 'assigneeUserId' | 'createdBy'>): Promise<boolean> {
  if (task.assigneeUserId === actor.userId || task.createdBy === actor.userId) return true;
  return task.assigneeUserId !== null && supervisesStaffMember(tx, actor, task.assigneeUserId);
}

/**
 * The access check of one task: a task of a patient goes through the one patient check
 * (checkPatientRecord); a staff member's own task through seesOwnTask. Either refusal is the
 * same audited 404. Locks the task for a write.
 */
async function checkTask(tx: Transaction<DB>, ctx: RequestContext, id: string, lock: boolean): Promise<TaskRow> {
  let select = tx.selectFrom('tasks').selectAll().where('id', '=', id).where('organizationId', '=', ctx.actor.organizationId);
  if (lock) select = select.forUpdate();
  const task = await select.executeTakeFirst();
  if (task?.patientId) {
    await checkPatientRecord(tx, ctx.actor, taskKind, id, { lock: false });
    return task;
  }
  if (task && (await seesOwnTask(tx, ctx.actor, task))) return task;
  throw new AuditedRefusal(notFound(), [{ action: 'access-denied', recordType: 'task', recordId: id }]);
}

async function withTask<T>(
  db: Database,
  ctx: RequestContext,
  id: string,
  work: (tx: Transaction<DB>, audit: Audit, task: TaskRow) => Promise<T>,
): Promise<T> {
  return withAudit(db, ctx, async (tx, audit) => {
    const task = await checkTask(tx, ctx, id, true);
    return work(tx, (entry) => audit(task.patientId ? { patientId: task.patientId, ...entry } : entry), task);
  });
}

export async function getTask(db: Database, ctx: RequestContext, id: string): Promise<TaskView> {
  return withAudit(db, ctx, async (tx, audit) => {
    const task = await checkTask(tx, ctx, id, false);
    await audit({ action: 'read', recordType: 'task', recordId: id, ...(task.patientId ? { patientId: task.patientId } : {}) });
    return loadTask(tx, id);
  });
}

export async function updateTask(db: Database, ctx: RequestContext, id: string, version: number, input: UpdateTaskBody): Promise<TaskView> {
  return withTask(db, ctx, id, async (tx, audit, locked) => {
    const current = checkVersion(locked, version);
    if (current.status !== 'open')
      throw conflict('task-not-open', `The task is ${current.status}: reopen it to change it.`, { params: { status: current.status } });
    const changes = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
    };
    await tx
      .updateTable('tasks')
      .set({ ...changes, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'task', recordId: id, details: { fields: Object.keys(changes) } });
    return loadTask(tx, id);
  });
}

/** Done or cancelled: who and when; the event is on the timeline. */
export async function closeTask(
  db: Database,
  ctx: RequestContext,
  id: string,
  version: number,
  status: 'done' | 'cancelled',
): Promise<TaskView> {
  return withTask(db, ctx, id, async (tx, audit, locked) => {
    const current = checkVersion(locked, version);
    if (current.status !== 'open')
      throw conflict('task-not-open', `The task is already ${current.status}.`, { params: { status: current.status } });
    await tx
      .updateTable('tasks')
      .set({ status, statusChangedBy: ctx.actor.userId, statusChangedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, current, status);
    await audit({ action: 'update', recordType: 'task', recordId: id, details: { status } });
    return loadTask(tx, id);
  });
}

export async function reopenTask(db: Database, ctx: RequestContext, id: string, version: number): Promise<TaskView> {
  return withTask(db, ctx, id, async (tx, audit, locked) => {
    const current = checkVersion(locked, version);
    if (current.status === 'open') throw conflict('task-already-open', 'The task is open.');
    await tx
      .updateTable('tasks')
      .set({ status: 'open', statusChangedBy: null, statusChangedAt: null, ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, current, 'reopened');
    await audit({ action: 'update', recordType: 'task', recordId: id, details: { status: 'open', from: current.status } });
    return loadTask(tx, id);
  });
}

async function moveTask(
  tx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  task: TaskRow,
  to: { userId: string } | 'patient',
  path: string,
): Promise<void> {
  if (task.status !== 'open') throw conflict('task-not-open', `The task is ${task.status}.`, { params: { status: task.status } });
  if (to === 'patient') {
    if (!task.patientId) throw fieldError('/assignedToPatient', 'assignee-patient-needs-patient', 'this task is about no patient');
  } else if (task.patientId) {
    await assertAssigneeSeesPatient(tx, ctx, to.userId, task.patientId, path);
  } else if (to.userId !== ctx.actor.userId && !(await supervisesStaffMember(tx, ctx.actor, to.userId))) {
    throw fieldError(path, 'not-your-staff', 'is neither you nor someone you supervise');
  }
  const toUserId = to === 'patient' ? null : to.userId;
  await tx
    .updateTable('tasks')
    .set({ assigneeUserId: toUserId, assignedToPatient: to === 'patient', ...nextVersion() })
    .where('id', '=', task.id)
    .execute();
  await recordEvent(tx, ctx, task, 'reassigned', { from: task.assigneeUserId, to: toUserId });
  await audit({
    action: 'update',
    recordType: 'task',
    recordId: task.id,
    ...(task.patientId ? { patientId: task.patientId } : {}),
    details: { change: 'reassigned', fromUserId: task.assigneeUserId, toUserId, assignedToPatient: to === 'patient' },
  });
}

/**
 * A handoff of an episode hands over its open tasks too: those of the episode assigned to the
 * outgoing primary case manager go to the incoming one (each its own event and audit row), in
 * the handoff's transaction. Called by the episodes module's handoff and caseload
 * reassignment, so no promise stays with someone who is leaving the case.
 */
export async function handOverTasks(
  tx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  move: { episodeId: string; fromUserId: string; toUserId: string },
): Promise<number> {
  const tasks = await tx
    .selectFrom('tasks')
    .selectAll()
    .where('episodeId', '=', move.episodeId)
    .where('assigneeUserId', '=', move.fromUserId)
    .where('status', '=', 'open')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const task of tasks) await moveTask(tx, ctx, audit, task, { userId: move.toUserId }, '/toUserId');
  return tasks.length;
}

export async function reassignTask(db: Database, ctx: RequestContext, id: string, input: ReassignTaskBody): Promise<TaskView> {
  return withTask(db, ctx, id, async (tx, audit, locked) => {
    // Checked after the access check: an outsider learns nothing from a 400.
    if ((input.assigneeUserId === undefined) === (input.assignedToPatient !== true))
      throw fieldError('/assigneeUserId', 'assignee-patient-needs-patient', 'give either a staff member or assignedToPatient: true');
    const current = checkVersion(locked, input.version);
    await moveTask(tx, ctx, audit, current, input.assigneeUserId ? { userId: input.assigneeUserId } : 'patient', '/assigneeUserId');
    return loadTask(tx, id);
  });
}

/**
 * A supervisor moves a colleague's open tasks (all, or chosen ones) to one or several
 * colleagues in turn, as the caseload reassignment does: all or nothing, each task its own
 * event and audit row. Only tasks the supervisor may see (the patient predicate; or no patient
 * and the colleague is their staff); each new assignee must see the task's patient.
 */
export async function reassignTasks(
  db: Database,
  ctx: RequestContext,
  input: TaskReassignmentBody,
): Promise<{ taskId: string; toUserId: string }[]> {
  if (!ctx.actor.roles.includes('supervisor')) throw forbidden('supervisors-only', 'Only a supervisor reassigns someone’s tasks.');
  if (input.toUserIds.includes(input.fromUserId))
    throw fieldError('/toUserIds', 'includes-from-user', 'must not include the person whose tasks move');
  return withAudit(db, ctx, async (tx, audit) => {
    if (!(await supervisesStaffMember(tx, ctx.actor, input.fromUserId)))
      throw fieldError('/fromUserId', 'not-your-staff', 'is not someone you supervise');
    let query = tx
      .selectFrom('tasks as t')
      .leftJoin('patients as p', 'p.id', 't.patientId')
      .selectAll('t')
      .where('t.organizationId', '=', ctx.actor.organizationId)
      .where('t.assigneeUserId', '=', input.fromUserId)
      .where('t.status', '=', 'open')
      .where((w) => w.or([w('t.patientId', 'is', null), patientVisibleTo(ctx.actor)]))
      .orderBy('t.dueOn')
      .orderBy('t.id')
      .forUpdate('t');
    if (input.taskIds) query = query.where('t.id', 'in', input.taskIds);
    const tasks = await query.execute();
    if (input.taskIds && tasks.length !== input.taskIds.length)
      throw ruleViolation('tasks-not-reassignable', 'Some tasks are not this person’s open tasks that you may see.', {
        errors: [fieldProblem('/taskIds', 'tasks-not-reassignable', 'include tasks you cannot reassign')],
      });
    const moves = tasks.map((task, index) => ({ task, toUserId: input.toUserIds[index % input.toUserIds.length] ?? '' }));
    for (const { task, toUserId } of moves) await moveTask(tx, ctx, audit, task, { userId: toUserId }, '/toUserIds');
    await audit({
      action: 'update',
      recordType: 'task-reassignment',
      recordId: input.fromUserId,
      details: { fromUserId: input.fromUserId, toUserIds: input.toUserIds, tasks: moves.length },
    });
    return moves.map(({ task, toUserId }) => ({ taskId: task.id, toUserId }));
  });
}

/** A patient's tasks, open first by due date, then the rest newest first; paged by cursor. */
export async function listPatientTasks(db: Database, ctx: RequestContext, patientId: string, query: PatientTasksQuery) {
  return readPatientRecord(db, ctx, patientKind, patientId, async (tx, record) => {
    const limit = query.limit ?? 50;
    const rank = sql<number>`CASE WHEN t.status = 'open' THEN 0 ELSE 1 END`;
    const sortDate = sql<string>`(CASE WHEN t.status = 'open' THEN t.due_on - DATE '2000-01-01' ELSE DATE '2000-01-01' - t.due_on END)`;
    let select = selectTasks(tx)
      .select([rank.as('rank'), sortDate.as('sortDate')])
      .where('t.patientId', '=', record.patientId)
      // Not the tasks of an episode restricted against the reader (docs/restrictions.md).
      .where(sql<boolean>`(t.episode_id IS NULL OR ${episodeVisibleTo(ctx.actor, todayOf(ctx.actor), 't.episode_id')})`);
    if (query.status) select = select.where('t.status', '=', query.status);
    const after = decodeCursor(query.cursor, ['number', 'number', 'uuid']);
    if (after) select = select.where(sql<boolean>`(${rank}, ${sortDate}, t.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
    const rows = await select
      .orderBy(rank)
      .orderBy(sortDate)
      .orderBy('t.id')
      .limit(limit + 1)
      .execute();
    const result = toPage(rows, limit, (row) => [Number(row.rank), Number(row.sortDate), row.id]);
    return { items: result.items.map(({ rank: _rank, sortDate: _sort, ...row }) => presentTask(row)), nextCursor: result.nextCursor };
  });
}
