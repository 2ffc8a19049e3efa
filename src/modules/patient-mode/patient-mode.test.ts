import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { todayIn } from '../../lib/dates.ts';
import { patientModeAllows } from './guard.ts';

/**
 * The patient-facing mode: a session handed to the patient answers only the one assessment's
 * screen; a wrong password leaves it locked (and is audited); the staff member's password
 * unlocks it, on the server.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);

async function assessmentInProgress(): Promise<{ id: string; version: number; patientId: string; episodeId: string }> {
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: todayIn(org.timeZone),
    phase: 'intake',
    primaryCaseManagerId: cmMade.user.id,
  });
  const started = await cm.post<{ id: string; version: number }>(`/api/episodes/${opened.body.id}/assessments`, {
    instrumentKey: 'ahc-hrsn',
    mode: 'in-person',
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return { ...started.body, patientId: patient.id, episodeId: opened.body.id };
}

test('the guard lets through only the locked assessment, its definition, the lock and the session', () => {
  const id = '01900000-0000-7000-8000-000000000001';
  const rows: [string, string, unknown, boolean][] = [
    ['GET', '/api/assessments/:id', { id }, true],
    ['PATCH', '/api/assessments/:id', { id }, true],
    ['GET', '/api/assessments/:id', { id: '01900000-0000-7000-8000-000000000002' }, false],
    ['POST', '/api/assessments/:id/completion', { id }, false],
    ['POST', '/api/assessments/:id/abandonment', { id }, false],
    ['GET', '/api/instruments/:key', { key: 'ahc-hrsn' }, true],
    ['GET', '/api/patients', {}, false],
    ['GET', '/api/patients/:id', { id }, false],
    ['GET', '/api/caseload', {}, false],
    ['POST', '/api/session/patient-mode/unlock', {}, true],
    ['DELETE', '/api/session', {}, true],
  ];
  for (const [method, route, params, allowed] of rows)
    assert.equal(patientModeAllows(method, route, params, id), allowed, `${method} ${route}`);
});

test('handed to the patient: answers save, nothing else opens, a wrong password stays locked, the right one unlocks', async () => {
  const other = await assessmentInProgress();
  const assessment = await assessmentInProgress();
  const started = await cm.post<{ assessmentId: string; locale: string }>(`/api/assessments/${assessment.id}/patient-mode`, {
    locale: 'es',
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  assert.equal(started.body.assessmentId, assessment.id);
  assert.equal(started.body.locale, 'es');
  assert.equal((await cm.get<{ assessmentId: string }>('/api/session/patient-mode')).body.assessmentId, assessment.id);

  const handed = await cm.get<{ version: number; mode: string }>(`/api/assessments/${assessment.id}`);
  assert.equal(handed.body.mode, 'patient-device', 'the assessment says the patient answered on the device');
  const saved = await cm.patch<{ version: number }>(`/api/assessments/${assessment.id}`, {
    version: handed.body.version,
    answers: { '1': 2 },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  for (const [method, url] of [
    ['GET', `/api/patients/${assessment.patientId}`],
    ['GET', `/api/episodes/${assessment.episodeId}`],
    ['GET', `/api/assessments/${other.id}`],
    ['GET', '/api/patients?q=a'],
    ['POST', `/api/assessments/${assessment.id}/completion`],
  ] as const) {
    const refused = await cm.request<{ code: string }>(method, url, method === 'POST' ? { version: saved.body.version } : undefined);
    assert.equal(refused.status, 403, `${method} ${url}`);
    assert.equal(refused.body.code, 'patient-mode-locked');
  }

  const wrong = await cm.post<{ errors: { code: string }[] }>('/api/session/patient-mode/unlock', { currentPassword: 'not the password' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0]?.code, 'wrong-current-password');
  assert.equal((await cm.get(`/api/patients/${assessment.patientId}`)).status, 403, 'a wrong password leaves it locked');
  const refusals = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'patientId', 'details'])
    .where('actorUserId', '=', cmMade.user.id)
    .where('recordType', '=', 'session')
    .where('action', '=', 'access-denied')
    .execute();
  assert.equal(refusals.length, 1);
  assert.equal(refusals[0]?.patientId, assessment.patientId);

  const unlocked = await cm.post('/api/session/patient-mode/unlock', { currentPassword: cmMade.password });
  assert.equal(unlocked.status, 204, JSON.stringify(unlocked.body));
  assert.equal((await cm.get<{ assessmentId: string | null }>('/api/session/patient-mode')).body.assessmentId, null);
  assert.equal((await cm.get(`/api/patients/${assessment.patientId}`)).status, 200);
});

test('only an assessment in progress is handed over', async () => {
  const assessment = await assessmentInProgress();
  await cm.post(`/api/assessments/${assessment.id}/abandonment`, { version: assessment.version, reason: 'Patient left' });
  const refused = await cm.post<{ code: string }>(`/api/assessments/${assessment.id}/patient-mode`, { locale: 'en' });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'assessment-not-in-progress');
});
