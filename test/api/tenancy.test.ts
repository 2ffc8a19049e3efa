import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../support/app.ts';
import { signedIn, TestClient } from '../support/client.ts';
import { makeIntegration, makeOrganization, makePatient, makeProgram, makeUser } from '../support/factories.ts';

const t = await startTestApp();
const orgA = await makeOrganization(t.db, { name: 'Organization A' });
const orgB = await makeOrganization(t.db, { name: 'Organization B' });
const adminA = await signedIn(t.app, await makeUser(t.db, orgA.id, { roles: ['admin', 'privacy-officer'], mfa: true }));
const staffB = await makeUser(t.db, orgB.id, { roles: ['case-manager'] });
const programB = await makeProgram(t.db, orgB.id, { name: 'B only' });

test('a session of organization A cannot read or change organization B’s records: 404, as if they did not exist', async () => {
  assert.equal((await adminA.get(`/api/users/${staffB.user.id}`)).status, 404);
  assert.equal((await adminA.get(`/api/programs/${programB.id}`)).status, 404);
  assert.equal((await adminA.patch(`/api/users/${staffB.user.id}`, { version: 1, displayName: 'Hijacked' })).status, 404);
  assert.equal((await adminA.patch(`/api/programs/${programB.id}`, { version: 1, name: 'Hijacked' })).status, 404);
  assert.equal((await adminA.post(`/api/users/${staffB.user.id}/deactivation`, { version: 1 })).status, 404);
  assert.equal((await adminA.delete(`/api/programs/${programB.id}`)).status, 404);
  const untouched = await t.db
    .selectFrom('users')
    .select(['displayName', 'status', 'version'])
    .where('id', '=', staffB.user.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(untouched, { displayName: staffB.user.displayName, status: 'active', version: 1 });
});

test('lists show only my organization', async () => {
  const users = await adminA.get<{ items: { id: string }[] }>('/api/users');
  assert.ok(!users.body.items.some((u) => u.id === staffB.user.id));
  const programs = await adminA.get<{ items: { id: string }[] }>('/api/programs');
  assert.ok(!programs.body.items.some((p) => p.id === programB.id));
  const org = await adminA.get('/api/organization');
  assert.equal(org.body.name, 'Organization A');
  const audit = await adminA.get<{ items: { recordId: string | null }[] }>('/api/audit-events?limit=200');
  assert.ok(!audit.body.items.some((e) => e.recordId === staffB.user.id));
});

test('organization B’s program cannot be given to organization A’s staff', async () => {
  const response = await adminA.post('/api/users', {
    email: 'cross@example.org',
    displayName: 'Cross',
    roles: ['case-manager'],
    programIds: [programB.id],
  });
  assert.equal(response.status, 422);
});

test('an API key of organization A cannot read organization B either', async () => {
  const integration = await makeIntegration(t.db, orgA.id, { roles: ['case-manager'] });
  const created = await adminA.post<{ secret: string }>('/api/api-keys', {
    userId: integration.id,
    name: 'Integration',
    expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  assert.equal(created.status, 201);
  const keyClient = new TestClient(t.app);
  keyClient.bearer = created.body.secret;
  const patientB = await makePatient(t.db, orgB.id, staffB.user.id);
  assert.equal((await keyClient.get(`/api/patients/${patientB.id}`)).status, 404);
  assert.equal((await keyClient.get('/api/organization')).body.name, 'Organization A');
});
