import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { todayIn } from '../../lib/dates.ts';

/**
 * Administering an instrument in an episode: answers save as they go, completion scores them
 * with the engine (a wrong answer is never stored as a score), a completed assessment is never
 * edited, a correction supersedes it with a reason, and outsiders get 404, audited.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);
const outsiderMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, outsiderMade.user.id);
const outsider = await signedIn(t.app, outsiderMade);

interface Assessment {
  id: string;
  status: string;
  version: number;
  answers: Record<string, unknown>;
  result: {
    total: number | null;
    band: string | null;
    positive: boolean | null;
    critical: boolean;
    criticalItems: string[];
    result?: string;
  } | null;
  supersedesId: string | null;
  supersededById: string | null;
  crisisStepsShownAt: string | null;
}

async function episode(): Promise<string> {
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: today,
    phase: 'intake',
    primaryCaseManagerId: cmMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return opened.body.id;
}

async function start(episodeId: string, instrumentKey: string, extra: Record<string, unknown> = {}) {
  const started = await cm.post<Assessment>(`/api/episodes/${episodeId}/assessments`, { instrumentKey, mode: 'in-person', ...extra });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  assert.equal(started.headers.location, `/api/assessments/${started.body.id}`);
  return started.body;
}

test('answers save as they go; completion scores them; the result and answers never change after', async () => {
  const episodeId = await episode();
  const phq9 = await start(episodeId, 'phq-9');
  assert.equal(phq9.status, 'in-progress');
  const first = await cm.patch<Assessment>(`/api/assessments/${phq9.id}`, { version: phq9.version, answers: { '1': 3, '2': 3, '3': 2 } });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const rest = await cm.patch<Assessment>(`/api/assessments/${phq9.id}`, {
    version: first.body.version,
    answers: { '3': null, '4': 2, '5': 1, '6': 1, '7': 0, '8': 0, '9': 1 },
  });
  assert.deepEqual(rest.body.answers, { '1': 3, '2': 3, '4': 2, '5': 1, '6': 1, '7': 0, '8': 0, '9': 1 });

  // Item 3 was cleared: completion names it and changes nothing.
  const early = await cm.post(`/api/assessments/${phq9.id}/completion`, { version: rest.body.version });
  assert.equal(early.status, 422);
  assert.equal((early.body.errors as { path: string; code: string }[])[0]?.path, '/answers/3');
  assert.equal((await cm.get<Assessment>(`/api/assessments/${phq9.id}`)).body.status, 'in-progress');

  const answered = await cm.patch<Assessment>(`/api/assessments/${phq9.id}`, { version: rest.body.version, answers: { '3': 2 } });
  const done = await cm.post<Assessment>(`/api/assessments/${phq9.id}/completion`, { version: answered.body.version });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'completed');
  assert.deepEqual(
    done.body.result && [done.body.result.total, done.body.result.band, done.body.result.positive, done.body.result.criticalItems],
    [13, 'moderate', true, ['9']],
  );

  const edit = await cm.patch(`/api/assessments/${phq9.id}`, { version: done.body.version, answers: { '9': 0 } });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.code, 'assessment-not-in-progress');
  const stale = await cm.patch(`/api/assessments/${phq9.id}`, { version: 1, answers: { '9': 0 } });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.code, 'stale-version');

  const shown = await cm.post<Assessment>(`/api/assessments/${phq9.id}/crisis-steps-shown`, {});
  assert.equal(shown.status, 200);
  assert.ok(shown.body.crisisStepsShownAt);

  const listed = await cm.get<{ items: Assessment[] }>(`/api/episodes/${episodeId}/assessments`);
  assert.deepEqual(
    listed.body.items.map((a) => a.status),
    ['completed'],
  );
  // The audit trail holds codes, never the answers.
  const rows = await t.db.selectFrom('auditEvents').select(['action', 'details']).where('recordId', '=', phq9.id).orderBy('seq').execute();
  assert.ok(rows.length >= 5);
  assert.ok(rows.every((row) => !JSON.stringify(row.details).includes('"answers"')));
});

test('a correction supersedes a completed assessment with a reason, once', async () => {
  const episodeId = await episode();
  const phq2 = await start(episodeId, 'phq-2');
  const answered = await cm.patch<Assessment>(`/api/assessments/${phq2.id}`, { version: phq2.version, answers: { '1': 3, '2': 0 } });
  const done = await cm.post<Assessment>(`/api/assessments/${phq2.id}/completion`, { version: answered.body.version });
  assert.equal(done.body.result?.positive, true);

  const unreasoned = await cm.post(`/api/assessments/${phq2.id}/corrections`, { version: done.body.version, reason: '  ' });
  assert.equal(unreasoned.status, 400);
  const corrected = await cm.post<Assessment>(`/api/assessments/${phq2.id}/corrections`, {
    version: done.body.version,
    reason: 'Question 1 was marked in the wrong column',
  });
  assert.equal(corrected.status, 201, JSON.stringify(corrected.body));
  assert.equal(corrected.body.status, 'in-progress');
  assert.equal(corrected.body.supersedesId, phq2.id);
  assert.deepEqual(corrected.body.answers, { '1': 3, '2': 0 }, 'starts from the old answers');
  const old = await cm.get<Assessment>(`/api/assessments/${phq2.id}`);
  assert.equal(old.body.status, 'superseded');
  assert.equal(old.body.supersededById, corrected.body.id);
  assert.equal(old.body.result?.total, 3, 'the old result is kept as it was');

  const again = await cm.post(`/api/assessments/${phq2.id}/corrections`, { version: old.body.version, reason: 'again' });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'assessment-already-corrected');
  const fixed = await cm.patch<Assessment>(`/api/assessments/${corrected.body.id}`, {
    version: corrected.body.version,
    answers: { '1': 1 },
  });
  const rescored = await cm.post<Assessment>(`/api/assessments/${corrected.body.id}/completion`, { version: fixed.body.version });
  assert.equal(rescored.body.result?.positive, false);
});

test('an ASQ with question 5 asked; AUDIT-C needs the sex; abandoning needs a reason', async () => {
  const episodeId = await episode();
  const asq = await start(episodeId, 'asq');
  const answered = await cm.patch<Assessment>(`/api/assessments/${asq.id}`, {
    version: asq.version,
    answers: { '1': 'yes', '2': 'no', '3': 'refused', '4': 'no', '5': 'yes' },
  });
  const done = await cm.post<Assessment>(`/api/assessments/${asq.id}/completion`, { version: answered.body.version });
  assert.equal(done.body.result?.result, 'acute-positive');
  assert.equal(done.body.result?.critical, true);

  const audit = await start(episodeId, 'audit-c');
  const a1 = await cm.patch<Assessment>(`/api/assessments/${audit.id}`, { version: audit.version, answers: { '1': 1, '2': 1, '3': 1 } });
  const refused = await cm.post(`/api/assessments/${audit.id}/completion`, { version: a1.body.version });
  assert.equal(refused.status, 422);
  assert.equal((refused.body.errors as { path: string }[])[0]?.path, '/context/sex');
  const a2 = await cm.patch<Assessment>(`/api/assessments/${audit.id}`, { version: a1.body.version, context: { sex: 'female' } });
  const scored = await cm.post<Assessment>(`/api/assessments/${audit.id}/completion`, { version: a2.body.version });
  assert.equal(scored.body.result?.positive, true);

  const gad = await start(episodeId, 'gad-7');
  assert.equal((await cm.post(`/api/assessments/${gad.id}/abandonment`, { version: gad.version })).status, 400);
  const abandoned = await cm.post<Assessment>(`/api/assessments/${gad.id}/abandonment`, {
    version: gad.version,
    reason: 'Patient had to leave',
  });
  assert.equal(abandoned.body.status, 'abandoned');
  assert.equal((await cm.post(`/api/assessments/${gad.id}/completion`, { version: abandoned.body.version })).status, 409);
  assert.equal((await cm.post(`/api/assessments/${gad.id}/crisis-steps-shown`, {})).status, 409);
  assert.equal((await cm.post(`/api/episodes/${episodeId}/assessments`, { instrumentKey: 'no-such', mode: 'phone' })).status, 404);
});

test('someone outside the care team gets 404 on every assessment route, audited', async () => {
  const episodeId = await episode();
  const phq2 = await start(episodeId, 'phq-2');
  const calls = [
    outsider.get(`/api/assessments/${phq2.id}`),
    outsider.get(`/api/episodes/${episodeId}/assessments`),
    outsider.post(`/api/episodes/${episodeId}/assessments`, { instrumentKey: 'phq-2', mode: 'phone' }),
    outsider.patch(`/api/assessments/${phq2.id}`, { version: phq2.version, answers: { '1': 0 } }),
    outsider.post(`/api/assessments/${phq2.id}/completion`, { version: phq2.version }),
    outsider.post(`/api/assessments/${phq2.id}/abandonment`, { version: phq2.version, reason: 'x' }),
  ];
  for (const response of await Promise.all(calls)) assert.equal(response.status, 404);
  const denied = await t.db
    .selectFrom('auditEvents')
    .select('id')
    .where('actorUserId', '=', outsiderMade.user.id)
    .where('action', '=', 'access-denied')
    .execute();
  assert.equal(denied.length, 6);
  assert.deepEqual((await cm.get<Assessment>(`/api/assessments/${phq2.id}`)).body.answers, {}, 'nothing was written');
});
