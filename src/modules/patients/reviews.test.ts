import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';

/**
 * Registering someone who strongly resembles a patient the registering person may not see:
 * nothing tells them that person is a patient elsewhere (42 CFR Part 2); a supervisor reviews
 * the registration instead, and every such check is audited.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const act = await makeProgram(t.db, org.id, { name: 'ACT team' });
const outpatient = await makeProgram(t.db, org.id, { name: 'Outpatient' });
const actWorker = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, act.id, actWorker.user.id);
const act1 = await signedIn(t.app, actWorker);
const opWorker = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, outpatient.id, opWorker.user.id);
const op = await signedIn(t.app, opWorker);
const supervisorMade = await makeUser(t.db, org.id, { roles: ['supervisor'], mfa: true });
await addMembership(t.db, org.id, outpatient.id, supervisorMade.user.id);
const supervisor = await signedIn(t.app, supervisorMade);

// Known to the ACT team, with an MRN.
const known = await act1.post<{ id: string }>('/api/patients', {
  legalFirstName: 'Teodoro',
  legalLastName: 'Quiñones',
  dateOfBirth: '1972-10-30',
  identifiers: [{ system: 'mrn', value: 'MRN-7001' }],
});
assert.equal(known.status, 201);
await act1.post(`/api/patients/${known.body.id}/episodes`, {
  programId: act.id,
  referralSource: 'self',
  openedOn: '2026-01-05',
  phase: 'intake',
  primaryCaseManagerId: actWorker.user.id,
});

interface Review {
  id: string;
  status: string;
  version: number;
  registeredPatientId: string | null;
  decisionNote: string | null;
  candidates?: { id: string; programs: string[] }[];
}

test('a supervisor sees the registration beside the record it resembles, and registers a different person', async () => {
  const submitted = await op.post<{ review: Review }>('/api/patients', {
    legalFirstName: 'Teodoro',
    legalLastName: 'Quinones',
    dateOfBirth: '1972-10-30',
  });
  assert.equal(submitted.status, 202);
  assert.equal(submitted.headers.location, `/api/registration-reviews/${submitted.body.review.id}`);
  const id = submitted.body.review.id;
  const mine = await op.get<Review>(`/api/registration-reviews/${id}`);
  assert.deepEqual(mine.body.candidates, [], 'the person who registered never sees the other record');
  const queue = await supervisor.get<{ items: Review[] }>('/api/registration-reviews?status=pending');
  assert.ok(queue.body.items.some((item) => item.id === id));
  const detail = await supervisor.get<Review>(`/api/registration-reviews/${id}`);
  assert.deepEqual(
    detail.body.candidates?.map((candidate) => [candidate.id, candidate.programs]),
    [[known.body.id, ['ACT team']]],
  );
  assert.equal((await op.post(`/api/registration-reviews/${id}/decision`, { decision: 'register', note: 'x', version: 1 })).status, 403);
  const decided = await supervisor.post<Review>(`/api/registration-reviews/${id}/decision`, {
    decision: 'register',
    note: 'Different father’s name and town: a different person.',
    version: detail.body.version,
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.equal(decided.body.status, 'registered');
  const registered = await op.get<{ legalLastName: string }>(`/api/patients/${decided.body.registeredPatientId ?? ''}`);
  assert.equal(registered.status, 200, 'the person who registered sees the new record');
  assert.equal(registered.body.legalLastName, 'Quinones');
  const again = await supervisor.post(`/api/registration-reviews/${id}/decision`, {
    decision: 'decline',
    note: 'x',
    version: decided.body.version,
  });
  assert.equal(again.status, 409);
});

test('the same identifier as a hidden record goes to review too; declining tells the requester what happens next', async () => {
  const submitted = await op.post<{ review: Review }>('/api/patients', {
    legalFirstName: 'Ted',
    legalLastName: 'Q',
    dateOfBirth: '1990-01-01',
    identifiers: [{ system: 'mrn', value: 'mrn-7001' }],
    confirmedNotDuplicate: true,
  });
  assert.equal(submitted.status, 202);
  const id = submitted.body.review.id;
  const declined = await supervisor.post<Review>(`/api/registration-reviews/${id}/decision`, {
    decision: 'decline',
    note: 'Already known to the ACT team; I asked them to add you to his care team.',
    version: 1,
  });
  assert.equal(declined.body.status, 'declined');
  const seen = await op.get<Review>(`/api/registration-reviews/${id}`);
  assert.equal(seen.body.decisionNote, 'Already known to the ACT team; I asked them to add you to his care team.');
  assert.equal(seen.body.registeredPatientId, null);
});

test('an edit giving a hidden record’s identifier asks for a review, says nothing of the record, and is audited', async () => {
  const mineCreated = await op.post<{ id: string; version: number }>('/api/patients', {
    legalFirstName: 'Rosalind',
    legalLastName: 'Fairbanks',
    dateOfBirth: '1988-02-02',
  });
  assert.equal(mineCreated.status, 201);
  const edit = await op.patch(
    `/api/patients/${mineCreated.body.id}`,
    { version: mineCreated.body.version, identifiers: [{ system: 'mrn', value: 'MRN-7001' }] },
    { headers: { 'x-request-id': 'hidden-identifier-probe' } },
  );
  assert.equal(edit.status, 409);
  assert.equal(edit.body.code, 'identifier-needs-review');
  assert.doesNotMatch(JSON.stringify(edit.body), new RegExp(known.body.id));
  const audited = await t.db
    .selectFrom('auditEvents')
    .select(['recordType', 'details'])
    .where('requestId', '=', 'hidden-identifier-probe')
    .execute();
  assert.deepEqual(
    audited.map((row) => [row.recordType, row.details.hiddenPatientIds]),
    [['patient-identifier-conflict', [known.body.id]]],
  );
  const unchanged = await op.get<{ identifiers: unknown[] }>(`/api/patients/${mineCreated.body.id}`);
  assert.deepEqual(unchanged.body.identifiers, []);
});
