import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { sealAuditBatch, verifyAuditChain } from '../../lib/audit/chain.ts';

/**
 * Break-the-glass: a clinician outside the care team states a reason and re-enters their
 * password; the chart opens for the organization's hours, every audit row about the patient in
 * that time is marked with the grant, it closes again when the grant ends or runs out, and the
 * privacy officer reviews each event (409 on a stale version) and exports them (audited).
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const otherOrg = await makeOrganization(t.db);
const ownerMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
const owner = await signedIn(t.app, ownerMade);
const strangerMade = await makeUser(t.db, org.id, { roles: ['nurse-care-manager'] });
const stranger = await signedIn(t.app, strangerMade);
const officerMade = await makeUser(t.db, org.id, { roles: ['privacy-officer'] });
const officer = await signedIn(t.app, officerMade);
const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
const admin = await signedIn(t.app, adminMade);
const elsewhereMade = await makeUser(t.db, otherOrg.id, { roles: ['case-manager'] });
const elsewhere = await signedIn(t.app, elsewhereMade);
const otherOfficerMade = await makeUser(t.db, otherOrg.id, { roles: ['privacy-officer'] });
const otherOfficer = await signedIn(t.app, otherOfficerMade);

const reason = 'Called by the ED: patient unresponsive, need current medications';

interface Grant {
  id: string;
  patientId: string;
  expiresAt: string;
  state: string;
}
interface Reviewed {
  id: string;
  version: number;
  markedReads: number;
  state: string;
  review: { finding: string; note: string | null } | null;
  reads: { action: string; recordType: string | null }[];
}

async function auditOf(requestId: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'patientId', 'recordType', 'details'])
    .where('requestId', '=', requestId)
    .execute();
}

let counter = 0;
const tagged = () => ({ headers: { 'x-request-id': `btg-${(counter += 1)}` } });

async function patient(lastName = 'Núñez') {
  return makePatient(t.db, org.id, ownerMade.user.id, { legalLastName: lastName, dateOfBirth: '1979-03-02' });
}

async function breakGlass(patientId: string) {
  const response = await stranger.post<Grant>(`/api/patients/${patientId}/emergency-access`, {
    reason,
    currentPassword: strangerMade.password,
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

test('the lookup finds the patient by birth date and last name, ignoring case and accents, and is audited', async () => {
  const suffix = `Ñ${Date.now()}`;
  const p = await patient(`Núñez${suffix}`);
  const options = tagged();
  const found = await stranger.request<{ items: { id: string; visible: boolean }[] }>(
    'POST',
    '/api/emergency-access/lookups',
    { lastName: `NUNEZ${suffix.toLowerCase()}`, birthDate: '1979-03-02' },
    options,
  );
  assert.equal(found.status, 200, JSON.stringify(found.body));
  assert.deepEqual(
    found.body.items.map((item) => [item.id, item.visible]),
    [[p.id, false]],
  );
  const rows = await auditOf(options.headers['x-request-id']);
  assert.equal(rows[0]?.recordType, 'emergency-access-lookup');
  assert.deepEqual(rows[0]?.details, { shown: [p.id] });
  const wrongDay = await stranger.post<{ items: unknown[] }>('/api/emergency-access/lookups', {
    lastName: `nunez${suffix}`,
    birthDate: '1979-03-03',
  });
  assert.deepEqual(wrongDay.body.items, []);
  assert.equal((await admin.post('/api/emergency-access/lookups', { lastName: 'x', birthDate: '1979-03-03' })).status, 403);
});

test('a wrong password opens nothing and leaves an access-denied row', async () => {
  const p = await patient();
  const options = tagged();
  const refused = await stranger.request(
    'POST',
    `/api/patients/${p.id}/emergency-access`,
    { reason, currentPassword: 'not my password' },
    options,
  );
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal((refused.body as { errors: { path: string; code: string }[] }).errors[0]?.code, 'wrong-current-password');
  const rows = await auditOf(options.headers['x-request-id']);
  assert.ok(rows.some((row) => row.action === 'access-denied' && row.patientId === p.id));
  assert.equal((await stranger.get(`/api/patients/${p.id}`)).status, 404);
});

test('a grant opens the chart, every read in it is marked, ending it or running out closes the chart again', async () => {
  const p = await patient();
  assert.equal((await stranger.get(`/api/patients/${p.id}`)).status, 404);
  const grant = await breakGlass(p.id);
  assert.equal(grant.state, 'active');
  const hours = (Date.parse(grant.expiresAt) - Date.now()) / 3_600_000;
  assert.ok(hours > 3.9 && hours <= 4, `default 4 hours, got ${hours}`);

  const options = tagged();
  const chart = await stranger.request<{ emergencyAccess: { id: string } | null }>('GET', `/api/patients/${p.id}`, undefined, options);
  assert.equal(chart.status, 200, JSON.stringify(chart.body));
  assert.equal(chart.body.emergencyAccess?.id, grant.id, 'the overview says the chart is open by emergency access');
  const rows = await auditOf(options.headers['x-request-id']);
  assert.ok(rows.length > 0);
  for (const row of rows) assert.equal(row.details.emergencyAccessId, grant.id);
  assert.equal((await stranger.get(`/api/patients/${p.id}/timeline`)).status, 200);

  // The owner's reads are not marked.
  const ownRead = tagged();
  await owner.request('GET', `/api/patients/${p.id}`, undefined, ownRead);
  for (const row of await auditOf(ownRead.headers['x-request-id'])) assert.equal(row.details.emergencyAccessId, undefined);

  const mine = await stranger.get<{ items: Grant[] }>('/api/emergency-access/mine');
  assert.deepEqual(
    mine.body.items.map((item) => item.id),
    [grant.id],
  );

  // Run out: the chart is closed again.
  await sql`UPDATE emergency_access_grants SET started_at = now() - interval '5 hours', expires_at = now() - interval '1 hour' WHERE id = ${grant.id}`.execute(
    t.db,
  );
  assert.equal((await stranger.get(`/api/patients/${p.id}`)).status, 404);

  // Ended early: closed too.
  const again = await breakGlass(p.id);
  assert.equal((await stranger.get(`/api/patients/${p.id}`)).status, 200);
  assert.equal((await owner.post(`/api/emergency-access/${again.id}/end`)).status, 404, 'only its holder ends it');
  const ended = await stranger.post<Grant>(`/api/emergency-access/${again.id}/end`);
  assert.equal(ended.status, 200);
  assert.equal(ended.body.state, 'ended');
  assert.equal((await stranger.get(`/api/patients/${p.id}`)).status, 404);
});

test('the episode screen says so too, for the grant holder only, and no more once it ends', async () => {
  const program = await makeProgram(t.db, org.id);
  await addMembership(t.db, org.id, program.id, ownerMade.user.id);
  const p = await patient();
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
  const opened = await owner.post<{ id: string }>(`/api/patients/${p.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: today,
    phase: 'intake',
    primaryCaseManagerId: ownerMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const episodePath = `/api/episodes/${opened.body.id}`;
  assert.equal((await stranger.get(episodePath)).status, 404);

  const grant = await breakGlass(p.id);
  const options = tagged();
  const episode = await stranger.request<{ emergencyAccess?: { id: string; expiresAt: string } | null }>(
    'GET',
    episodePath,
    undefined,
    options,
  );
  assert.equal(episode.status, 200, JSON.stringify(episode.body));
  assert.deepEqual(episode.body.emergencyAccess, { id: grant.id, expiresAt: grant.expiresAt });
  const rows = await auditOf(options.headers['x-request-id']);
  assert.equal(rows.length, 1, 'the banner is read inside the episode’s one audited read');
  assert.equal(rows[0]?.details.emergencyAccessId, grant.id);

  const own = await owner.get<{ emergencyAccess?: unknown }>(episodePath);
  assert.equal(own.status, 200);
  assert.equal(own.body.emergencyAccess, null, 'the care team reads the episode the ordinary way');

  assert.equal((await stranger.post(`/api/emergency-access/${grant.id}/end`)).status, 200);
  assert.equal((await stranger.get(episodePath)).status, 404);
});

test('the duration is the organization’s setting', async () => {
  const current = await admin.get<{ version: number; emergencyAccessHours: number }>('/api/organization');
  assert.equal(current.body.emergencyAccessHours, 4);
  const changed = await admin.patch<{ emergencyAccessHours: number }>('/api/organization', {
    version: current.body.version,
    emergencyAccessHours: 2,
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const tooLong = await admin.patch('/api/organization', { version: current.body.version + 1, emergencyAccessHours: 25 });
  assert.equal(tooLong.status, 400);
  const grant = await breakGlass((await patient()).id);
  const hours = (Date.parse(grant.expiresAt) - Date.now()) / 3_600_000;
  assert.ok(hours > 1.9 && hours <= 2, `2 hours, got ${hours}`);
  await admin.patch('/api/organization', { version: current.body.version + 1, emergencyAccessHours: 4 });
});

test('who may break the glass: not someone who already sees the chart, not a non-clinical role, not another organization', async () => {
  const p = await patient();
  const already = await owner.post(`/api/patients/${p.id}/emergency-access`, { reason, currentPassword: ownerMade.password });
  assert.equal(already.status, 409);
  assert.equal(already.body.code, 'already-has-access');
  const notClinical = await admin.post(`/api/patients/${p.id}/emergency-access`, { reason, currentPassword: adminMade.password });
  assert.equal(notClinical.status, 403);
  assert.equal(notClinical.body.code, 'clinical-role-required');
  assert.equal(
    (await officer.post(`/api/patients/${p.id}/emergency-access`, { reason, currentPassword: officerMade.password })).status,
    403,
  );
  const options = tagged();
  const foreign = await elsewhere.request(
    'POST',
    `/api/patients/${p.id}/emergency-access`,
    { reason, currentPassword: elsewhereMade.password },
    options,
  );
  assert.equal(foreign.status, 404);
  assert.ok((await auditOf(options.headers['x-request-id'])).some((row) => row.action === 'access-denied'));
  const short = await stranger.post<{ errors: { path: string }[] }>(`/api/patients/${p.id}/emergency-access`, {
    reason: 'because',
    currentPassword: 'x',
  });
  assert.equal(short.status, 400);
  assert.equal(short.body.errors[0]?.path, '/reason');
});

test('the privacy officer reviews each event (409 on a stale version) and nobody else sees the queue', async () => {
  const p = await patient();
  const grant = await breakGlass(p.id);
  await stranger.get(`/api/patients/${p.id}`);
  await stranger.get(`/api/patients/${p.id}/timeline`);

  const queue = await officer.get<{ items: { id: string; markedReads: number; reason: string }[]; nextCursor: string | null }>(
    '/api/emergency-access?status=awaiting-review&limit=200',
  );
  assert.equal(queue.status, 200, JSON.stringify(queue.body));
  const item = queue.body.items.find((entry) => entry.id === grant.id);
  assert.equal(item?.reason, reason);
  assert.ok((item?.markedReads ?? 0) >= 2, `marked reads: ${item?.markedReads}`);

  const counted = async () => (await officer.get<{ awaitingReview: number }>('/api/emergency-access/summary')).body.awaitingReview;
  const before = await counted();
  assert.ok(before >= 1, `awaiting review: ${before}`);

  const detail = await officer.get<Reviewed>(`/api/emergency-access/${grant.id}`);
  assert.equal(detail.status, 200);
  assert.ok(detail.body.reads.some((read) => read.action === 'read' && read.recordType === 'patient'));

  const reviewed = await officer.post<Reviewed>(`/api/emergency-access/${grant.id}/review`, {
    version: detail.body.version,
    finding: 'appropriate',
    note: 'Confirmed with the ED.',
  });
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  assert.equal(reviewed.body.review?.finding, 'appropriate');
  const stale = await officer.post(`/api/emergency-access/${grant.id}/review`, { version: detail.body.version, finding: 'inappropriate' });
  assert.equal(stale.status, 409);

  assert.equal(await counted(), before - 1, 'the landing page count drops by the one reviewed');
  const done = await officer.get<{ items: { id: string }[] }>('/api/emergency-access?status=reviewed');
  assert.ok(done.body.items.some((entry) => entry.id === grant.id));
  const waiting = await officer.get<{ items: { id: string }[] }>('/api/emergency-access?status=awaiting-review&limit=200');
  assert.ok(!waiting.body.items.some((entry) => entry.id === grant.id));

  for (const client of [stranger, admin, owner]) {
    assert.equal((await client.get('/api/emergency-access')).status, 403);
    assert.equal((await client.get(`/api/emergency-access/${grant.id}`)).status, 403);
    assert.equal((await client.get('/api/emergency-access/export')).status, 403);
    assert.equal((await client.get('/api/emergency-access/summary')).status, 403);
    assert.equal((await client.post(`/api/emergency-access/${grant.id}/review`, { version: 1, finding: 'appropriate' })).status, 403);
  }
  // Another organization's privacy officer sees none of it.
  assert.equal((await otherOfficer.get(`/api/emergency-access/${grant.id}`)).status, 404);
  const theirs = await otherOfficer.get<{ items: { id: string }[] }>('/api/emergency-access?status=reviewed');
  assert.deepEqual(theirs.body.items, []);
  assert.equal((await otherOfficer.post(`/api/emergency-access/${grant.id}/review`, { version: 2, finding: 'appropriate' })).status, 404);
});

test('the queue pages with a cursor', async () => {
  for (let i = 0; i < 3; i += 1) await breakGlass((await patient()).id);
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const url: string = `/api/emergency-access?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await officer.get<{ items: { id: string }[]; nextCursor: string | null }>(url);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    for (const item of response.body.items) {
      assert.ok(!seen.has(item.id), 'no event twice');
      seen.add(item.id);
    }
    cursor = response.body.nextCursor;
  } while (cursor);
  const all = await t.db
    .selectFrom('emergencyAccessGrants')
    .select('id')
    .where('organizationId', '=', org.id)
    .where('reviewedAt', 'is', null)
    .execute();
  assert.equal(seen.size, all.length);
  assert.equal((await officer.get('/api/emergency-access?cursor=nonsense')).status, 400);
});

test('the CSV export holds each event and is itself audited', async () => {
  const grant = await breakGlass((await patient('=Formula')).id);
  const options = tagged();
  const response = await officer.request('GET', '/api/emergency-access/export', undefined, options);
  assert.equal(response.status, 200);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  assert.equal(response.headers['x-export-truncated'], 'false');
  assert.match(String(response.headers['content-disposition']), /attachment; filename="emergency-access-\d{4}-\d\d-\d\d\.csv"/);
  const text = response.raw.body;
  assert.ok(text.includes(grant.id));
  assert.ok(text.includes(reason));
  assert.ok(!text.includes(',=Formula'), 'a formula cell is defused');
  const rows = await auditOf(options.headers['x-request-id']);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.action, 'export');
  assert.ok(((rows[0]?.details as { ids: string[] }).ids ?? []).includes(grant.id));
});

test('the marked audit rows still seal and verify', async () => {
  const grant = await breakGlass((await patient()).id);
  await stranger.get(`/api/patients/${grant.patientId}`);
  while ((await sealAuditBatch(t.db, 5000)).sealed > 0);
  const result = await verifyAuditChain(t.db);
  assert.equal(result.ok, true, JSON.stringify(result));
});
