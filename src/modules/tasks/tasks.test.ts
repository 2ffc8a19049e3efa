import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withAudit } from '../../lib/audit/audit.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { newId } from '../../lib/ids.ts';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, type TestClient } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { withPatientRecord } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';
import { createTask } from './service.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db, { timeZone: 'America/Chicago' });
const today = todayIn('America/Chicago');
const program = await makeProgram(t.db, org.id);
const otherProgram = await makeProgram(t.db, org.id);
const rosaMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
const tylerMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Tyler Brandt' });
const outsiderMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Nadia Outside' });
const supervisorMade = await makeUser(t.db, org.id, { roles: ['supervisor'], displayName: 'Marcus Oyelaran' });
for (const person of [rosaMade, tylerMade, supervisorMade]) await addMembership(t.db, org.id, program.id, person.user.id);
await addMembership(t.db, org.id, otherProgram.id, outsiderMade.user.id);
const rosa = await signedIn(t.app, rosaMade);
const tyler = await signedIn(t.app, tylerMade);
const outsider = await signedIn(t.app, outsiderMade);
const supervisor = await signedIn(t.app, supervisorMade);

interface Task {
  id: string;
  status: string;
  version: number;
  assigneeUserId: string | null;
  assignedToPatient: boolean;
  statusChangedBy: string | null;
  source: { kind: string; recordType: string | null; recordId: string | null } | null;
}
interface Today {
  staffId: string;
  sections: { tasks: { id: string; patientId: string | null; daysOverdue: number; staffId: string }[] };
  overview: { staffId: string; counts: Record<string, number> }[];
}
interface Timeline {
  items: { at: string; key: string; kind: string; recordId: string; summary: { code: string } }[];
  nextCursor: string | null;
}

/** A patient with an open episode whose primary case manager is `primary` (Rosa unless said). */
async function patientOf(primary = rosaMade.user.id) {
  const patient = await makePatient(t.db, org.id, rosaMade.user.id);
  const episode = await rosa.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: addDays(today, -30),
    phase: 'intake',
    primaryCaseManagerId: primary,
  });
  assert.equal(episode.status, 201, JSON.stringify(episode.body));
  return { patientId: patient.id, episodeId: episode.body.id };
}

async function taskFor(client: TestClient, patientId: string, body: Record<string, unknown> = {}) {
  const response = await client.post<Task>(`/api/patients/${patientId}/tasks`, { title: 'Call back', dueOn: today, ...body });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

async function auditRows(requestId: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'recordType', 'patientId', 'details'])
    .where('requestId', '=', requestId)
    .execute();
}

describe('tasks', () => {
  test('a task is created, completed with who and when, and a stale write is 409', async () => {
    const { patientId, episodeId } = await patientOf();
    const task = await taskFor(rosa, patientId, { episodeId, priority: 'high' });
    assert.equal(task.assigneeUserId, rosaMade.user.id);
    const renamed = await rosa.patch<Task>(`/api/tasks/${task.id}`, { version: task.version, title: 'Call back Thursday' });
    assert.equal(renamed.status, 200);
    const stale = await rosa.post(`/api/tasks/${task.id}/completion`, { version: task.version });
    assert.equal(stale.status, 409);
    assert.equal((stale.body as { currentVersion?: number }).currentVersion, renamed.body.version);
    const done = await rosa.post<Task>(`/api/tasks/${task.id}/completion`, { version: renamed.body.version });
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'done');
    assert.equal(done.body.statusChangedBy, rosaMade.user.id);
    const again = await rosa.post<{ code: string }>(`/api/tasks/${task.id}/completion`, { version: done.body.version });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'task-not-open');
    const reopened = await rosa.post<Task>(`/api/tasks/${task.id}/reopening`, { version: done.body.version });
    assert.equal(reopened.body.status, 'open');
  });

  test('a task of a patient the user cannot see is 404, and audited as denied', async () => {
    const { patientId } = await patientOf();
    const task = await taskFor(rosa, patientId);
    for (const [method, url, body] of [
      ['GET', `/api/tasks/${task.id}`, undefined],
      ['POST', `/api/tasks/${task.id}/completion`, { version: task.version }],
      ['POST', `/api/patients/${patientId}/tasks`, { title: 'Sneak', dueOn: today }],
      ['GET', `/api/patients/${patientId}/tasks`, undefined],
    ] as const) {
      const requestId = `tasks-denied-${newId()}`;
      const response = await outsider.request(method, url, body, { headers: { 'x-request-id': requestId } });
      assert.equal(response.status, 404, `${method} ${url}`);
      const rows = await auditRows(requestId);
      assert.ok(
        rows.some((row) => row.action === 'access-denied' && row.patientId === patientId),
        `${method} ${url}: ${JSON.stringify(rows)}`,
      );
    }
    const unchanged = await rosa.get<Task>(`/api/tasks/${task.id}`);
    assert.equal(unchanged.body.status, 'open');
  });

  test('the assignee must see the patient; the patient can own a step of their own', async () => {
    const { patientId } = await patientOf();
    const refused = await rosa.post<{ code: string }>(`/api/patients/${patientId}/tasks`, {
      title: 'Call back',
      dueOn: today,
      assigneeUserId: outsiderMade.user.id,
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'assignee-cannot-see-patient');
    const own = await taskFor(rosa, patientId, { assignedToPatient: true, title: 'Bring the ID to the housing office' });
    assert.equal(own.assignedToPatient, true);
    assert.equal(own.assigneeUserId, null);
  });

  test('a staff member’s own task is theirs and their supervisor’s to see, nobody else’s', async () => {
    const made = await rosa.post<Task>('/api/tasks', { title: 'Finish the training module', dueOn: today });
    assert.equal(made.status, 201);
    assert.equal((await rosa.get(`/api/tasks/${made.body.id}`)).status, 200);
    assert.equal((await supervisor.get(`/api/tasks/${made.body.id}`)).status, 200);
    assert.equal((await tyler.get(`/api/tasks/${made.body.id}`)).status, 404);
    const forOther = await tyler.post<{ code: string }>('/api/tasks', { title: 'x', dueOn: today, assigneeUserId: rosaMade.user.id });
    assert.equal(forOther.status, 400);
  });

  test('another module creates a task through createTask inside its own audited transaction, naming the source', async () => {
    const { patientId, episodeId } = await patientOf();
    const ctx = {
      actor: {
        userId: rosaMade.user.id,
        organizationId: org.id,
        timeZone: org.timeZone,
        email: null,
        displayName: 'Rosa Delgado',
        roles: ['case-manager' as const],
        locale: 'en',
        sessionId: null,
        apiKeyId: null,
        apiKeyCreatedBy: null,
      },
      requestId: `seam-${newId()}`,
      ip: null,
      userAgent: null,
    };
    const referralId = newId();
    const view = await withPatientRecord(t.db, ctx, patientKind, patientId, (tx, audit) =>
      createTask(tx, ctx, audit, {
        patientId,
        episodeId,
        title: 'Follow up the referral to outpatient',
        dueOn: addDays(today, 7),
        assignee: { userId: rosaMade.user.id },
        source: { kind: 'referral-follow-up', recordType: 'referral', recordId: referralId },
      }),
    );
    assert.deepEqual(view.source, { kind: 'referral-follow-up', recordType: 'referral', recordId: referralId });
    const rows = await auditRows(ctx.requestId);
    assert.ok(rows.some((row) => row.action === 'create' && row.recordType === 'task' && row.patientId === patientId));
    // Outside a checked transaction nothing is written: the audit rule of withAudit still holds.
    await assert.rejects(withAudit(t.db, ctx, async () => undefined));
  });

  test('a task made by hand from a record of another patient is refused naming the field', async () => {
    const first = await patientOf();
    const second = await patientOf();
    const refused = await rosa.post<{ errors: { path: string }[] }>(`/api/patients/${first.patientId}/tasks`, {
      title: 'Call back',
      dueOn: today,
      source: { recordType: 'episode', recordId: second.episodeId },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0]?.path, '/source/recordId');
    const fine = await taskFor(rosa, first.patientId, { source: { recordType: 'episode', recordId: first.episodeId } });
    assert.equal(fine.source?.recordId, first.episodeId);
  });

  test('reassignment is audited; a supervisor moves a colleague’s open tasks in turn, like a caseload', async () => {
    const { patientId, episodeId } = await patientOf();
    // Tyler joins the team so he may take the tasks.
    const joined = await rosa.post(`/api/episodes/${episodeId}/care-team`, {
      role: 'case-manager',
      userId: tylerMade.user.id,
      startedOn: today,
    });
    assert.equal(joined.status, 201, JSON.stringify(joined.body));
    const one = await taskFor(rosa, patientId);
    const requestId = `reassign-${newId()}`;
    const moved = await rosa.request<Task>(
      'POST',
      `/api/tasks/${one.id}/reassignment`,
      { version: one.version, assigneeUserId: tylerMade.user.id },
      { headers: { 'x-request-id': requestId } },
    );
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.assigneeUserId, tylerMade.user.id);
    const rows = await auditRows(requestId);
    assert.ok(rows.some((row) => row.action === 'update' && (row.details as { change?: string }).change === 'reassigned'));

    const two = await taskFor(rosa, patientId);
    const three = await taskFor(rosa, patientId);
    assert.equal(
      (await rosa.post('/api/task-reassignments', { fromUserId: rosaMade.user.id, toUserIds: [tylerMade.user.id] })).status,
      403,
    );
    const bulk = await supervisor.post<{ moved: { taskId: string; toUserId: string }[] }>('/api/task-reassignments', {
      fromUserId: rosaMade.user.id,
      toUserIds: [tylerMade.user.id],
      taskIds: [two.id, three.id],
    });
    assert.equal(bulk.status, 200, JSON.stringify(bulk.body));
    assert.deepEqual(
      bulk.body.moved.map((move) => move.toUserId),
      [tylerMade.user.id, tylerMade.user.id],
    );
    const notHers = await supervisor.post<{ code: string }>('/api/task-reassignments', {
      fromUserId: rosaMade.user.id,
      toUserIds: [tylerMade.user.id],
      taskIds: [two.id],
    });
    assert.equal(notHers.status, 422);
  });
});

describe('tasks in a handoff', () => {
  test('handing an episode over hands its open tasks over too; done ones stay as they were', async () => {
    const { patientId, episodeId } = await patientOf();
    const open = await taskFor(rosa, patientId, { episodeId, dueOn: addDays(today, -1) });
    const done = await taskFor(rosa, patientId, { episodeId });
    await rosa.post(`/api/tasks/${done.id}/completion`, { version: done.version });
    const handoff = await rosa.post(`/api/episodes/${episodeId}/handoffs`, {
      toUserId: tylerMade.user.id,
      on: today,
      note: 'Moving to Tyler',
    });
    assert.equal(handoff.status, 200, JSON.stringify(handoff.body));
    assert.equal((await tyler.get<Task>(`/api/tasks/${open.id}`)).body.assigneeUserId, tylerMade.user.id);
    assert.equal((await tyler.get<Task>(`/api/tasks/${done.id}`)).body.assigneeUserId, rosaMade.user.id);
    const tylersDay = await tyler.get<Today>('/api/today');
    assert.ok(tylersDay.body.sections.tasks.some((item) => item.id === open.id));
    const rosasDay = await rosa.get<Today>('/api/today');
    assert.ok(!rosasDay.body.sections.tasks.some((item) => item.id === open.id));
  });
});

describe('tasks in a merge', () => {
  test('a merge moves a patient’s tasks and their history to the survivor; undoing it moves them back', async () => {
    const survivor = await patientOf();
    const twin = await patientOf();
    const inEpisode = await taskFor(rosa, twin.patientId, { episodeId: twin.episodeId });
    const alone = await taskFor(rosa, twin.patientId, { title: 'Not in an episode' });
    const patient = await rosa.get<{ version: number }>(`/api/patients/${survivor.patientId}`);
    const merge = await rosa.post<{ id: string }>(`/api/patients/${survivor.patientId}/merges`, {
      mergedPatientId: twin.patientId,
      version: patient.body.version,
      reason: 'Same person, registered twice.',
    });
    assert.equal(merge.status, 201, JSON.stringify(merge.body));
    const patientsOf = async () =>
      (await t.db.selectFrom('tasks').select('patientId').where('id', 'in', [inEpisode.id, alone.id]).orderBy('id').execute()).map(
        (row) => row.patientId,
      );
    const eventPatients = async () =>
      new Set(
        (await t.db.selectFrom('taskEvents').select('patientId').where('taskId', 'in', [inEpisode.id, alone.id]).execute()).map(
          (row) => row.patientId,
        ),
      );
    assert.deepEqual(await patientsOf(), [survivor.patientId, survivor.patientId]);
    assert.deepEqual([...(await eventPatients())], [survivor.patientId]);
    const timeline = await rosa.get<Timeline>(`/api/patients/${survivor.patientId}/timeline?kinds=task`);
    assert.ok(timeline.body.items.some((item) => item.recordId === alone.id));
    assert.equal((await rosa.post(`/api/patient-merges/${merge.body.id}/undo`, {})).status, 200);
    assert.deepEqual(await patientsOf(), [twin.patientId, twin.patientId]);
    assert.deepEqual([...(await eventPatients())], [twin.patientId]);
  });
});

describe('Today', () => {
  test('shows my tasks due today and overdue, of patients I may see, and writes one read row naming them', async () => {
    const mine = await patientOf();
    const overdue = await taskFor(rosa, mine.patientId, { dueOn: addDays(today, -3), title: 'Overdue call' });
    const dueToday = await taskFor(rosa, mine.patientId, { title: 'Today call' });
    const later = await taskFor(rosa, mine.patientId, { dueOn: addDays(today, 2) });
    // A task assigned to Rosa of a patient she no longer sees (she left the team) is not shown.
    const gone = await patientOf();
    const goneTask = await taskFor(rosa, gone.patientId);
    await t.db.updateTable('careTeamMembers').set({ endedOn: today }).where('patientId', '=', gone.patientId).execute();
    await t.db.updateTable('patients').set({ createdBy: tylerMade.user.id }).where('id', '=', gone.patientId).execute();

    const requestId = `today-${newId()}`;
    const response = await rosa.request<Today>('GET', '/api/today', undefined, { headers: { 'x-request-id': requestId } });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const ids = response.body.sections.tasks.map((item) => item.id);
    assert.ok(ids.includes(overdue.id) && ids.includes(dueToday.id));
    assert.ok(!ids.includes(later.id), 'a task due later is not on Today');
    assert.ok(!ids.includes(goneTask.id), 'a patient I cannot see is not on Today');
    assert.equal(response.body.sections.tasks.find((item) => item.id === overdue.id)?.daysOverdue, 3);
    const rows = await auditRows(requestId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.recordType, 'today');
    assert.ok((rows[0]?.details as { shownPatientIds: string[] }).shownPatientIds.includes(mine.patientId));
    assert.ok(!(rows[0]?.details as { shownPatientIds: string[] }).shownPatientIds.includes(gone.patientId));
  });

  test('a supervisor opens a staff member’s day and sees an overview of each; others may not', async () => {
    const mine = await patientOf();
    const task = await taskFor(rosa, mine.patientId, { dueOn: addDays(today, -1) });
    const theirs = await supervisor.get<Today>(`/api/today?staffId=${rosaMade.user.id}`);
    assert.equal(theirs.status, 200);
    assert.ok(theirs.body.sections.tasks.some((item) => item.id === task.id));
    const own = await supervisor.get<Today>('/api/today');
    const rosaCounts = own.body.overview.find((entry) => entry.staffId === rosaMade.user.id);
    assert.ok((rosaCounts?.counts.tasks ?? 0) >= 1);
    assert.equal((await tyler.get(`/api/today?staffId=${rosaMade.user.id}`)).status, 403);
    assert.equal((await supervisor.get(`/api/today?staffId=${outsiderMade.user.id}`)).status, 403);
  });
});

describe('timeline', () => {
  test('a patient’s tasks, episode and assessments, newest first, filtered by kind, one read row', async () => {
    const { patientId, episodeId } = await patientOf();
    const task = await taskFor(rosa, patientId, { episodeId });
    await rosa.post(`/api/tasks/${task.id}/completion`, { version: task.version });
    const started = await rosa.post<{ id: string; version: number }>(`/api/episodes/${episodeId}/assessments`, {
      instrumentKey: 'phq-2',
      mode: 'in-person',
    });
    await rosa.patch(`/api/assessments/${started.body.id}`, { version: 1, answers: { '1': 1, '2': 2 } });
    const completed = await rosa.post(`/api/assessments/${started.body.id}/completion`, { version: 2 });
    assert.equal(completed.status, 200, JSON.stringify(completed.body));

    const requestId = `timeline-${newId()}`;
    const all = await rosa.request<Timeline>('GET', `/api/patients/${patientId}/timeline`, undefined, {
      headers: { 'x-request-id': requestId },
    });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const codes = all.body.items.map((item) => item.summary.code);
    for (const code of ['task-created', 'task-done', 'assessment-completed', 'episode-admission', 'episode-phase', 'care-team-joined'])
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    const times = all.body.items.map((item) => item.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    assert.equal((await auditRows(requestId)).length, 1);

    const onlyTasks = await rosa.get<Timeline>(`/api/patients/${patientId}/timeline?kinds=task`);
    assert.deepEqual([...new Set(onlyTasks.body.items.map((item) => item.kind))], ['task']);
    assert.equal((await rosa.get(`/api/patients/${patientId}/timeline?kinds=nonsense`)).status, 400);

    const denied = `timeline-denied-${newId()}`;
    const refused = await outsider.request('GET', `/api/patients/${patientId}/timeline`, undefined, {
      headers: { 'x-request-id': denied },
    });
    assert.equal(refused.status, 404);
    assert.ok((await auditRows(denied)).some((row) => row.action === 'access-denied'));
  });

  test('paging by cursor has no gaps and no duplicates when many entries share one time', async () => {
    const { patientId, episodeId } = await patientOf();
    const tasks = [];
    for (let i = 0; i < 4; i += 1) tasks.push(await taskFor(rosa, patientId, { episodeId, title: `Task ${i}` }));
    // Every event of these tasks at the very same microsecond, plus a few more events each.
    for (const task of tasks) {
      for (let i = 0; i < 3; i += 1) {
        await t.db
          .insertInto('taskEvents')
          .values({ id: newId(), organizationId: org.id, patientId, taskId: task.id, event: 'reassigned', actorId: rosaMade.user.id })
          .execute();
      }
    }
    await t.db
      .updateTable('taskEvents')
      .set({ at: new Date('2026-03-01T15:00:00.123456Z') })
      .where('patientId', '=', patientId)
      .execute();
    const whole = await rosa.get<Timeline>(`/api/patients/${patientId}/timeline?limit=200`);
    const expected = whole.body.items.map((item) => item.key);
    assert.ok(expected.filter((key) => key.startsWith('task:')).length === 16);
    for (const limit of [1, 3, 5]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/patients/${patientId}/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
        const pageOf: { body: Timeline } = await rosa.get<Timeline>(url);
        seen.push(...pageOf.body.items.map((item) => item.key));
        cursor = pageOf.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, expected, `pages of ${limit}`);
    }
  });
});
