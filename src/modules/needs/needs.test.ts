import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { todayIn } from '../../lib/dates.ts';

/**
 * Needs across life domains: a positive screen proposes them, staff confirm or dismiss (with a
 * reason), each status change is kept with who and when, stale writes are 409, and outsiders
 * get 404, audited. Strengths: per patient, versioned, soft-deleted.
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

interface Need {
  id: string;
  domain: string;
  urgency: string;
  status: string;
  source: string;
  assessmentId: string | null;
  instrumentKey: string | null;
  screenFindings: string[];
  dismissedReason: string | null;
  history: { fromStatus: string | null; toStatus: string; note: string | null; changedBy: string | null; changedAt: string }[];
  version: number;
}

async function episode(): Promise<{ episodeId: string; patientId: string }> {
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: today,
    phase: 'intake',
    primaryCaseManagerId: cmMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return { episodeId: opened.body.id, patientId: patient.id };
}

/** Administers and completes an instrument with these answers; returns the assessment id. */
async function administer(episodeId: string, instrumentKey: string, answers: Record<string, unknown>): Promise<string> {
  const started = await cm.post<{ id: string; version: number }>(`/api/episodes/${episodeId}/assessments`, {
    instrumentKey,
    mode: 'in-person',
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const saved = await cm.patch<{ version: number }>(`/api/assessments/${started.body.id}`, { version: started.body.version, answers });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const done = await cm.post(`/api/assessments/${started.body.id}/completion`, { version: saved.body.version });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return started.body.id;
}

// No housing today, food ran out, utilities threatened, no transport problem, safe at home.
const AHC_HOUSING_FOOD = { '1': 2, '2': [0], '3': 1, '4': 0, '5': [0], '6': 1, '7': 1, '8': 1, '9': 1, '10': 1 };

async function needsOf(episodeId: string): Promise<Need[]> {
  const listed = await cm.get<{ items: Need[] }>(`/api/episodes/${episodeId}/needs`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  return listed.body.items;
}

test('a completed AHC screen with a housing answer proposes a housing need citing it; staff confirm one and dismiss one with a reason', async () => {
  const { episodeId, patientId } = await episode();
  const assessmentId = await administer(episodeId, 'ahc-hrsn', AHC_HOUSING_FOOD);
  const proposed = await needsOf(episodeId);
  assert.deepEqual(
    proposed.map((need) => [need.domain, need.status, need.urgency, need.screenFindings]),
    [
      ['housing', 'proposed', 'urgent', ['housing', 'utilities']],
      ['food', 'proposed', 'soon', ['food']],
    ],
  );
  const housing = proposed[0]!;
  assert.equal(housing.source, 'screen');
  assert.equal(housing.assessmentId, assessmentId);
  assert.equal(housing.instrumentKey, 'ahc-hrsn');
  assert.deepEqual(
    housing.history.map((change) => [change.fromStatus, change.toStatus, change.changedBy]),
    [[null, 'proposed', cmMade.user.id]],
  );

  const confirmed = await cm.post<Need>(`/api/needs/${housing.id}/transitions`, { version: housing.version, to: 'identified' });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.equal(confirmed.body.status, 'identified');
  assert.equal(confirmed.headers.etag, `"${confirmed.body.version}"`);

  const food = proposed[1]!;
  const noReason = await cm.post<{ errors: { path: string; code: string }[] }>(`/api/needs/${food.id}/transitions`, {
    version: food.version,
    to: 'dismissed',
  });
  assert.equal(noReason.status, 400);
  assert.deepEqual(
    noReason.body.errors.map((error) => [error.path, error.code]),
    [['/note', 'reason-required']],
  );
  assert.equal((await cm.get<Need>(`/api/needs/${food.id}`)).body.status, 'proposed', 'a refused dismissal changes nothing');
  const dismissed = await cm.post<Need>(`/api/needs/${food.id}/transitions`, {
    version: food.version,
    to: 'dismissed',
    note: 'Already enrolled in SNAP and the food bank this month',
  });
  assert.equal(dismissed.status, 200, JSON.stringify(dismissed.body));
  assert.equal(dismissed.body.dismissedReason, 'Already enrolled in SNAP and the food bank this month');
  assert.deepEqual(
    dismissed.body.history.map((change) => [change.toStatus, change.note]),
    [
      ['proposed', null],
      ['dismissed', 'Already enrolled in SNAP and the food bank this month'],
    ],
  );
  const again = await cm.post(`/api/needs/${food.id}/transitions`, { version: dismissed.body.version, to: 'identified' });
  assert.equal(again.status, 409, 'a dismissed proposal is final');
  const edited = await cm.patch<{ code: string }>(`/api/needs/${food.id}`, { version: dismissed.body.version, urgency: 'urgent' });
  assert.equal(edited.status, 409);
  assert.equal(edited.body.code, 'need-dismissed');

  // A second positive screen adds no copy of a need already open, and the audit trail holds codes only.
  await administer(episodeId, 'ahc-hrsn', AHC_HOUSING_FOOD);
  const after = await needsOf(episodeId);
  assert.deepEqual(after.map((need) => [need.domain, need.status]).sort(), [
    ['food', 'dismissed'],
    ['food', 'proposed'],
    ['housing', 'identified'],
  ]);
  const audit = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'details', 'patientId'])
    .where('recordType', '=', 'need')
    .where('recordId', '=', food.id)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.filter((row) => row.action !== 'read').map((row) => row.action),
    ['create', 'update'],
  );
  assert.ok(audit.every((row) => row.patientId === patientId));
  assert.ok(!JSON.stringify(audit).includes('SNAP'), 'the dismissal reason stays out of the audit trail');

  // The episode screen and the patient overview show them.
  const shown = await cm.get<{ needs: Need[] }>(`/api/episodes/${episodeId}`);
  assert.equal(shown.body.needs[0]?.status, 'proposed', 'proposals come first on the episode screen');
  const overview = await cm.get<{ needs: { proposed: number; open: { domain: string }[] } }>(`/api/patients/${patientId}`);
  assert.equal(overview.body.needs.proposed, 1);
  assert.deepEqual(
    overview.body.needs.open.map((need) => need.domain),
    ['housing'],
  );
});

test('other screens propose what the needs module maps; a negative screen proposes nothing', async () => {
  const { episodeId } = await episode();
  await administer(episodeId, 'phq-2', { '1': 0, '2': 0 });
  assert.deepEqual(await needsOf(episodeId), []);
  await administer(episodeId, 'phq-9', { '1': 2, '2': 2, '3': 2, '4': 2, '5': 1, '6': 1, '7': 0, '8': 0, '9': 1, '10': 1 });
  const needs = await needsOf(episodeId);
  assert.deepEqual(
    needs.map((need) => [need.domain, need.urgency, need.screenFindings]),
    [['mental-health', 'urgent', ['positive', 'critical']]],
  );
});

test('staff record a need by judgement, move it through its statuses with a dated history; a stale write is 409', async () => {
  const { episodeId, patientId } = await episode();
  const created = await cm.post<Need>(`/api/episodes/${episodeId}/needs`, {
    domain: 'legal-justice',
    urgency: 'soon',
    description: 'Court date next month; needs a public defender',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.headers.location, `/api/needs/${created.body.id}`);
  assert.equal(created.body.status, 'identified');
  assert.equal(created.body.source, 'staff-judgement');

  const moved = await cm.post<Need>(`/api/needs/${created.body.id}/transitions`, {
    version: created.body.version,
    to: 'being-addressed',
    note: 'Referred to legal aid',
  });
  assert.equal(moved.status, 200);
  const stale = await cm.patch<{ currentVersion: number }>(`/api/needs/${created.body.id}`, {
    version: created.body.version,
    urgency: 'urgent',
  });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.currentVersion, moved.body.version);
  const staleMove = await cm.post(`/api/needs/${created.body.id}/transitions`, { version: created.body.version, to: 'met' });
  assert.equal(staleMove.status, 409);
  const edited = await cm.patch<Need>(`/api/needs/${created.body.id}`, { version: moved.body.version, urgency: 'urgent' });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.urgency, 'urgent');
  const illegal = await cm.post<{ code: string }>(`/api/needs/${created.body.id}/transitions`, {
    version: edited.body.version,
    to: 'proposed',
  });
  assert.equal(illegal.status, 409);
  assert.equal(illegal.body.code, 'need-transition-not-allowed');
  const met = await cm.post<Need>(`/api/needs/${created.body.id}/transitions`, { version: edited.body.version, to: 'met' });
  assert.deepEqual(
    met.body.history.map((change) => [change.fromStatus, change.toStatus]),
    [
      [null, 'identified'],
      ['identified', 'being-addressed'],
      ['being-addressed', 'met'],
    ],
  );
  // The patient's timeline tells the need's story, newest first.
  const timeline = await cm.get<{ items: { kind: string; recordId: string; summary: { params: Record<string, unknown> } }[] }>(
    `/api/patients/${patientId}/timeline?kinds=need`,
  );
  assert.equal(timeline.status, 200);
  assert.deepEqual(
    timeline.body.items.filter((item) => item.recordId === created.body.id).map((item) => item.summary.params.status),
    ['met', 'being-addressed', 'identified'],
  );

  const notThisEpisode = await cm.post<{ errors: { path: string; code: string }[] }>(`/api/episodes/${episodeId}/needs`, {
    domain: 'food',
    urgency: 'soon',
    assessmentId: '01900000-0000-7000-8000-000000000000',
  });
  assert.equal(notThisEpisode.status, 400);
  assert.equal(notThisEpisode.body.errors[0]?.code, 'assessment-not-in-episode');
});

test('someone outside the care team gets 404 on every needs and strengths route, audited', async () => {
  const { episodeId, patientId } = await episode();
  const need = (await cm.post<Need>(`/api/episodes/${episodeId}/needs`, { domain: 'food', urgency: 'soon' })).body;
  const strength = (
    await cm.post<{ id: string; version: number }>(`/api/patients/${patientId}/strengths`, {
      domain: 'family-and-social-support',
      kind: 'person',
      description: 'Sister drives her to appointments',
    })
  ).body;
  const answers = await Promise.all([
    outsider.get(`/api/episodes/${episodeId}/needs`),
    outsider.post(`/api/episodes/${episodeId}/needs`, { domain: 'food', urgency: 'soon' }),
    outsider.get(`/api/needs/${need.id}`),
    outsider.patch(`/api/needs/${need.id}`, { version: need.version, urgency: 'urgent' }),
    outsider.post(`/api/needs/${need.id}/transitions`, { version: need.version, to: 'met' }),
    outsider.get(`/api/patients/${patientId}/strengths`),
    outsider.post(`/api/patients/${patientId}/strengths`, { domain: 'food', kind: 'skill', description: 'Cooks' }),
    outsider.get(`/api/strengths/${strength.id}`),
    outsider.patch(`/api/strengths/${strength.id}`, { version: strength.version, description: 'x' }),
    outsider.request('DELETE', `/api/strengths/${strength.id}`, undefined, { headers: { 'if-match': `"${strength.version}"` } }),
  ]);
  assert.deepEqual(
    answers.map((answer) => answer.status),
    answers.map(() => 404),
  );
  const denials = await t.db
    .selectFrom('auditEvents')
    .select('action')
    .where('actorUserId', '=', outsiderMade.user.id)
    .where('action', '=', 'access-denied')
    .execute();
  assert.equal(denials.length, answers.length);
});

test('strengths: per patient, versioned, edited and soft-deleted with an audit row', async () => {
  const { patientId } = await episode();
  const created = await cm.post<{ id: string; version: number; inPatientsWords: boolean }>(`/api/patients/${patientId}/strengths`, {
    domain: 'employment',
    kind: 'skill',
    description: 'I can fix anything with an engine',
    inPatientsWords: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.inPatientsWords, true);
  const edited = await cm.patch<{ version: number; description: string }>(`/api/strengths/${created.body.id}`, {
    version: created.body.version,
    description: 'I can fix anything with an engine; worked at a garage for six years',
  });
  assert.equal(edited.status, 200);
  const stale = await cm.patch(`/api/strengths/${created.body.id}`, { version: created.body.version, kind: 'interest' });
  assert.equal(stale.status, 409);
  const staleDelete = await cm.request('DELETE', `/api/strengths/${created.body.id}`, undefined, {
    headers: { 'if-match': `"${created.body.version}"` },
  });
  assert.equal(staleDelete.status, 409);
  const deleted = await cm.request('DELETE', `/api/strengths/${created.body.id}`, undefined, {
    headers: { 'if-match': `"${edited.body.version}"` },
  });
  assert.equal(deleted.status, 204);
  assert.equal((await cm.get(`/api/strengths/${created.body.id}`)).status, 404);
  assert.deepEqual((await cm.get<{ items: unknown[] }>(`/api/patients/${patientId}/strengths`)).body.items, []);
  const row = await t.db.selectFrom('strengths').select('deletedAt').where('id', '=', created.body.id).executeTakeFirstOrThrow();
  assert.ok(row.deletedAt, 'the row is kept');
  const actions = await t.db
    .selectFrom('auditEvents')
    .select('action')
    .where('recordType', '=', 'strength')
    .where('recordId', '=', created.body.id)
    .where('action', '<>', 'read')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['create', 'update', 'delete'],
  );
});

test('the transition table: every allowed move works, every other is refused and writes nothing', async () => {
  const { episodeId, patientId } = await episode();
  const { NEED_STATUSES } = await import('./codes.ts');
  const { NEED_TRANSITIONS } = await import('./transitions.ts');
  for (const from of NEED_STATUSES) {
    for (const to of NEED_STATUSES) {
      const id = crypto.randomUUID();
      await t.db
        .insertInto('needs')
        .values({
          id,
          organizationId: org.id,
          patientId,
          episodeId,
          domain: 'employment',
          urgency: 'routine',
          status: from,
          source: 'staff-judgement',
          dismissedReason: from === 'dismissed' ? 'Entered twice' : null,
        })
        .execute();
      const moved = await cm.post<Need>(`/api/needs/${id}/transitions`, { version: 1, to, note: 'Because' });
      const row = await t.db.selectFrom('needs').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      const changes = await t.db.selectFrom('needStatusChanges').select('toStatus').where('needId', '=', id).execute();
      if (NEED_TRANSITIONS[from].includes(to)) {
        assert.equal(moved.status, 200, `${from} → ${to}: ${JSON.stringify(moved.body)}`);
        assert.deepEqual([row.status, row.version, changes.map((c) => c.toStatus)], [to, 2, [to]], `${from} → ${to}`);
      } else {
        assert.equal(moved.status, 409, `${from} → ${to}`);
        assert.deepEqual([row.status, row.version, changes.length], [from, 1, 0], `${from} → ${to} wrote nothing`);
      }
      // One waiting proposal per domain and episode: clear the case before the next.
      await t.db.deleteFrom('needStatusChanges').where('needId', '=', id).execute();
      await t.db.deleteFrom('needs').where('id', '=', id).execute();
    }
  }
});

test('correcting a screen withdraws its waiting proposals (dismissed, with why) and the corrected screen proposes what it shows', async () => {
  const { episodeId } = await episode();
  const assessmentId = await administer(episodeId, 'ahc-hrsn', AHC_HOUSING_FOOD);
  const current = await cm.get<{ version: number }>(`/api/assessments/${assessmentId}`);
  const corrected = await cm.post<{ id: string; version: number }>(`/api/assessments/${assessmentId}/corrections`, {
    version: current.body.version,
    reason: 'Question 3 was read to the patient wrongly',
  });
  assert.equal(corrected.status, 201, JSON.stringify(corrected.body));
  // Food was never a problem: the corrected answers show housing only.
  const saved = await cm.patch<{ version: number }>(`/api/assessments/${corrected.body.id}`, {
    version: corrected.body.version,
    answers: { '3': 0 },
  });
  assert.equal((await cm.post(`/api/assessments/${corrected.body.id}/completion`, { version: saved.body.version })).status, 200);
  const needs = await needsOf(episodeId);
  assert.deepEqual(
    needs.map((need) => [need.domain, need.status, need.assessmentId]).sort(),
    [
      ['food', 'dismissed', assessmentId],
      ['housing', 'dismissed', assessmentId],
      ['housing', 'proposed', corrected.body.id],
    ].sort(),
  );
  const food = needs.find((need) => need.domain === 'food')!;
  assert.match(food.dismissedReason ?? '', /corrected/);
  assert.deepEqual(
    food.history.map((change) => [change.toStatus, change.changedBy]),
    [
      ['proposed', cmMade.user.id],
      ['dismissed', cmMade.user.id],
    ],
  );
});
