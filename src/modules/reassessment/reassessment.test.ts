import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { addDays, todayIn } from '../../lib/dates.ts';

/**
 * Reassessment: a program's schedule (admins and its supervisors, versioned), what it asks of an
 * episode on the episode screen, and a patient's score history (one audited read; 404 to outsiders).
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const otherProgram = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);
const supervisorMade = await makeUser(t.db, org.id, { roles: ['supervisor'] });
await addMembership(t.db, org.id, program.id, supervisorMade.user.id);
const supervisor = await signedIn(t.app, supervisorMade);
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'] }));
const outsiderMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, outsiderMade.user.id);
const outsider = await signedIn(t.app, outsiderMade);

interface Problem {
  code?: string;
  errors?: { path: string; code: string }[];
}
interface Schedule {
  version: number;
  rules: unknown[];
}

test('a program’s schedule: admins and its supervisors set it, versioned; others may only read it', async () => {
  const empty = await cm.get<Schedule>(`/api/programs/${program.id}/reassessment-schedule`);
  assert.equal(empty.status, 200);
  assert.deepEqual([empty.body.version, empty.body.rules], [0, []]);
  const rules = [{ instrumentKey: 'phq-9', when: 'intake' }];
  assert.equal((await cm.request<Problem>('PUT', `/api/programs/${program.id}/reassessment-schedule`, { version: 0, rules })).status, 403);
  const elsewhere = await supervisor.request<Problem>('PUT', `/api/programs/${otherProgram.id}/reassessment-schedule`, {
    version: 0,
    rules,
  });
  assert.equal(elsewhere.status, 403, 'a supervisor of another program');

  const bad = await supervisor.request<Problem>('PUT', `/api/programs/${program.id}/reassessment-schedule`, {
    version: 0,
    rules: [
      { instrumentKey: 'no-such', when: 'intake' },
      { instrumentKey: 'gad-7', when: 'every', phase: 'primary-treatment' },
      { instrumentKey: 'gad-7', when: 'discharge', everyDays: 30 },
    ],
  });
  assert.equal(bad.status, 400);
  assert.deepEqual(
    bad.body.errors?.map((e) => [e.path, e.code]),
    [
      ['/rules/0/instrumentKey', 'unknown-instrument'],
      ['/rules/1/everyDays', 'required'],
      ['/rules/2/everyDays', 'only-for-every'],
    ],
  );

  const set = await supervisor.request<Schedule>('PUT', `/api/programs/${program.id}/reassessment-schedule`, { version: 0, rules });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(set.body.version, 1);
  assert.equal(set.headers.etag, '"1"');
  // Stale: a second first save, and an old version.
  assert.equal((await admin.request('PUT', `/api/programs/${program.id}/reassessment-schedule`, { version: 0, rules })).status, 409);
  const changed = await admin.request<Schedule>('PUT', `/api/programs/${program.id}/reassessment-schedule`, {
    version: 1,
    rules: [...rules, { instrumentKey: 'phq-9', when: 'every', phase: 'primary-treatment', everyDays: 30 }],
  });
  assert.equal(changed.body.version, 2);
  assert.equal((await supervisor.request('PUT', `/api/programs/${program.id}/reassessment-schedule`, { version: 1, rules })).status, 409);
  const audited = await t.db
    .selectFrom('auditEvents')
    .select('action')
    .where('recordType', '=', 'reassessment-schedule')
    .where('recordId', '=', program.id)
    .orderBy('occurredAt')
    .execute();
  assert.deepEqual(
    audited.map((row) => row.action),
    ['create', 'update'],
  );
});

test('the episode shows what the schedule asks: overdue at intake until given; the score history per instrument', async () => {
  const scheduled = await makeProgram(t.db, org.id);
  await addMembership(t.db, org.id, scheduled.id, cmMade.user.id);
  const set = await admin.request('PUT', `/api/programs/${scheduled.id}/reassessment-schedule`, {
    version: 0,
    rules: [
      { instrumentKey: 'phq-9', when: 'intake', graceDays: 3 },
      { instrumentKey: 'gad-7', when: 'every', phase: 'intake', everyDays: 30 },
      { instrumentKey: 'barc-10', when: 'discharge' },
    ],
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const openedOn = addDays(today, -10);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: scheduled.id,
    referralSource: 'self',
    openedOn,
    phase: 'intake',
    primaryCaseManagerId: cmMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const episodeId = opened.body.id;
  type Due = { scheduled: boolean; items: { instrumentKey: string; status: string; dueOn: string | null; lastDoneOn: string | null }[] };
  const before = (await cm.get<{ reassessments: Due }>(`/api/episodes/${episodeId}`)).body.reassessments;
  assert.equal(before.scheduled, true);
  assert.deepEqual(
    before.items.map((item) => [item.instrumentKey, item.status, item.dueOn]),
    [
      ['phq-9', 'overdue', openedOn],
      ['gad-7', 'upcoming', addDays(openedOn, 30)],
      ['barc-10', 'at-discharge', null],
    ],
  );

  async function phq9(answers: Record<string, number>) {
    const started = await cm.post<{ id: string; version: number }>(`/api/episodes/${episodeId}/assessments`, {
      instrumentKey: 'phq-9',
      mode: 'in-person',
    });
    const answered = await cm.patch<{ version: number }>(`/api/assessments/${started.body.id}`, { version: started.body.version, answers });
    const done = await cm.post<{ id: string; version: number }>(`/api/assessments/${started.body.id}/completion`, {
      version: answered.body.version,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return done.body;
  }
  const first = await phq9({ '1': 3, '2': 3, '3': 2, '4': 2, '5': 2, '6': 2, '7': 2, '8': 1, '9': 0 });
  await phq9({ '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 1, '7': 0, '8': 0, '9': 0 });
  const after = (await cm.get<{ reassessments: Due }>(`/api/episodes/${episodeId}`)).body.reassessments;
  assert.deepEqual(after.items[0] && [after.items[0].status, after.items[0].lastDoneOn], ['done', today]);

  // A corrected score is replaced by its correction in the history.
  const corrected = await cm.post<{ id: string; version: number }>(`/api/assessments/${first.id}/corrections`, {
    version: first.version,
    reason: 'Item 1 was misheard',
  });
  const fixed = await cm.patch<{ version: number }>(`/api/assessments/${corrected.body.id}`, {
    version: corrected.body.version,
    answers: { '1': 2 },
  });
  await cm.post(`/api/assessments/${corrected.body.id}/completion`, { version: fixed.body.version });

  type History = {
    instruments: { key: string; min: number; max: number; bands: { key: string }[]; points: { total: number; band: string }[] }[];
  };
  const history = await cm.request<History>('GET', `/api/patients/${patient.id}/score-history`, undefined, {
    headers: { 'x-request-id': 'score-history-1' },
  });
  assert.equal(history.status, 200, JSON.stringify(history.body));
  const phq = history.body.instruments.find((entry) => entry.key === 'phq-9');
  assert.deepEqual([phq?.min, phq?.max], [0, 27]);
  assert.deepEqual(
    phq?.bands.map((band) => band.key),
    ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'],
  );
  assert.deepEqual(
    phq?.points.map((point) => [point.total, point.band]),
    [
      [5, 'mild'],
      [16, 'moderately-severe'],
    ],
  );
  const rows = await t.db.selectFrom('auditEvents').select(['action', 'patientId']).where('requestId', '=', 'score-history-1').execute();
  assert.deepEqual(rows, [{ action: 'read', patientId: patient.id }]);

  // The patient's page reads the same history with the patient, in its one read.
  const overview = await cm.request<{ scoreHistory: History }>('GET', `/api/patients/${patient.id}`, undefined, {
    headers: { 'x-request-id': 'score-history-overview' },
  });
  assert.deepEqual(
    overview.body.scoreHistory.instruments.find((entry) => entry.key === 'phq-9')?.points.map((point) => point.total),
    [5, 16],
  );
  const overviewRows = await t.db.selectFrom('auditEvents').select('action').where('requestId', '=', 'score-history-overview').execute();
  assert.deepEqual(
    overviewRows.map((row) => row.action),
    ['read'],
  );

  const refused = await outsider.request('GET', `/api/patients/${patient.id}/score-history`, undefined, {
    headers: { 'x-request-id': 'score-history-2' },
  });
  assert.equal(refused.status, 404);
  const denied = await t.db.selectFrom('auditEvents').select('action').where('requestId', '=', 'score-history-2').execute();
  assert.deepEqual(
    denied.map((row) => row.action),
    ['access-denied'],
  );
});
