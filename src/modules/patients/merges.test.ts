import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, made.user.id);
const cm = await signedIn(t.app, made);
const stranger = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));

interface Patient {
  id: string;
  version: number;
  mergedIntoId: string | null;
  phones: { number: string }[];
  identifiers: { system: string; value: string }[];
  episodes: { id: string }[];
}

async function register(body: object) {
  const response = await cm.post<Patient>('/api/patients', { confirmedNotDuplicate: true, ...body });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

test('a merge keeps every fact of both records, hides the merged one from search, and can be undone exactly', async () => {
  const survivor = await register({
    legalFirstName: 'Josefina',
    legalLastName: 'Quintero',
    dateOfBirth: '1990-04-02',
    phones: [{ number: '555-0110', kind: 'mobile', consentToText: true, voicemailSafe: true }],
    identifiers: [{ system: 'mrn', value: 'MRN-1' }],
  });
  const twin = await register({
    legalFirstName: 'Fina',
    legalLastName: 'Quintero',
    dateOfBirth: '1990-04-02',
    phones: [{ number: '555-0111', kind: 'home', consentToText: false, voicemailSafe: false }],
    identifiers: [{ system: 'medicaid', value: 'MCD-9' }],
  });
  const episode = await cm.post<{ id: string }>(`/api/patients/${twin.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: '2026-01-05',
    phase: 'intake',
    primaryCaseManagerId: made.user.id,
  });
  assert.equal(episode.status, 201);

  assert.equal(
    (
      await stranger.post(`/api/patients/${survivor.id}/merges`, {
        mergedPatientId: twin.id,
        version: survivor.version,
        reason: 'same person',
      })
    ).status,
    404,
  );
  assert.equal(
    (await cm.post(`/api/patients/${survivor.id}/merges`, { mergedPatientId: twin.id, version: 99, reason: 'same person' })).status,
    409,
    'stale version',
  );

  const mergeAnswer = await cm.post<{ id: string; survivorId: string; mergedId: string }>(`/api/patients/${survivor.id}/merges`, {
    mergedPatientId: twin.id,
    version: survivor.version,
    reason: 'Fina is Josefina; same birth date and family.',
  });
  assert.equal(mergeAnswer.status, 201, JSON.stringify(mergeAnswer.body));
  assert.equal(mergeAnswer.headers.location, `/api/patient-merges/${mergeAnswer.body.id}`);
  assert.deepEqual([mergeAnswer.body.survivorId, mergeAnswer.body.mergedId], [survivor.id, twin.id]);
  const merged = await cm.get<Patient>(`/api/patients/${survivor.id}`);
  assert.deepEqual(
    merged.body.phones.map((p) => p.number),
    ['555-0110', '555-0111'],
  );
  assert.deepEqual(merged.body.identifiers.map((i) => i.value).sort(), ['MCD-9', 'MRN-1']);
  assert.deepEqual(
    merged.body.episodes.map((e) => e.id),
    [episode.body.id],
  );
  const old = await cm.get<Patient>(`/api/patients/${twin.id}`);
  assert.equal(old.status, 200, 'the merged record is kept, seen through its survivor');
  assert.equal((await stranger.get(`/api/patients/${twin.id}`)).status, 404, 'and only by those who see the survivor');
  assert.equal(old.body.mergedIntoId, survivor.id);
  const found = await cm.get<{ items: { id: string }[] }>('/api/patients?q=quintero');
  assert.deepEqual(
    found.body.items.map((p) => p.id),
    [survivor.id],
  );
  assert.equal(
    (await cm.post(`/api/patients/${survivor.id}/merges`, { mergedPatientId: twin.id, version: merged.body.version, reason: 'again' }))
      .status,
    409,
  );

  const mergeId = mergeAnswer.body.id;
  assert.equal((await stranger.get(`/api/patient-merges/${mergeId}`)).status, 404, 'a merge is patient data');
  assert.equal((await stranger.post(`/api/patient-merges/${mergeId}/undo`)).status, 404);
  assert.equal((await cm.post(`/api/patient-merges/${mergeId}/undo`)).status, 200);
  const undone = await cm.get<Patient>(`/api/patients/${survivor.id}`);
  assert.deepEqual(
    undone.body.phones.map((p) => p.number),
    ['555-0110'],
  );
  assert.deepEqual(undone.body.episodes, []);
  const restored = await cm.get<Patient>(`/api/patients/${twin.id}`);
  assert.equal(restored.body.mergedIntoId, null);
  assert.deepEqual(
    restored.body.identifiers.map((i) => i.value),
    ['MCD-9'],
  );
  assert.deepEqual(
    restored.body.episodes.map((e) => e.id),
    [episode.body.id],
  );
  assert.equal((await cm.post(`/api/patient-merges/${mergeId}/undo`)).status, 409, 'undone once');
  const trail = await t.db
    .selectFrom('auditEvents')
    .select('details')
    .where('patientId', '=', twin.id)
    .where('action', '=', 'update')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    trail.map((row) => row.details.change),
    ['merged', 'merge-undone'],
  );
});
