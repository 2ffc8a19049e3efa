import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, TestClient } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const adminMade = await makeUser(t.db, org.id, { roles: ['admin'], mfa: true });
const admin = await signedIn(t.app, adminMade);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function createKey(userId: string) {
  const response = await admin.post<{ apiKey: { id: string; prefix: string; status: string }; secret: string }>('/api/api-keys', {
    userId,
    name: 'EHR sync',
    expiresOn: inDays(90),
  });
  assert.equal(response.status, 201);
  return response.body;
}

function keyClient(secret: string): TestClient {
  const client = new TestClient(t.app);
  client.bearer = secret;
  return client;
}

test('a key is shown once, stored hashed, acts as its staff member without CSRF or TOTP, and records its last use', async () => {
  const { apiKey, secret } = await createKey(adminMade.user.id);
  assert.match(secret, /^bwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  assert.ok(secret.startsWith(apiKey.prefix));
  const row = await t.db.selectFrom('apiKeys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
  assert.ok(!row.keyHash.toString('utf8').includes(secret.slice(20)), 'only the hash is stored');
  const client = keyClient(secret);
  const created = await client.post('/api/programs', { name: 'Via API key', caseManagementModel: 'broker-generalist' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const audit = await t.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('recordId', '=', created.body.id as string)
    .executeTakeFirstOrThrow();
  assert.equal(audit.actorUserId, adminMade.user.id);
  assert.equal(audit.actorApiKeyId, apiKey.id);
  const listed = await admin.get<{ items: { id: string; lastUsedAt: string | null }[] }>('/api/api-keys');
  assert.ok(listed.body.items.find((k) => k.id === apiKey.id)?.lastUsedAt);
  assert.ok(!JSON.stringify(listed.body).includes(secret), 'the secret is never listed');
});

test('a revoked key, an expired key and a made-up key are 401', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const { apiKey, secret } = await createKey(person.user.id);
  assert.equal((await keyClient(secret).get('/api/programs')).status, 200);
  assert.equal((await admin.delete(`/api/api-keys/${apiKey.id}`)).status, 204);
  assert.equal((await keyClient(secret).get('/api/programs')).status, 401);
  assert.equal((await admin.delete(`/api/api-keys/${apiKey.id}`)).status, 404, 'revoking twice');

  const second = await createKey(person.user.id);
  await t.db
    .updateTable('apiKeys')
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where('id', '=', second.apiKey.id)
    .execute();
  assert.equal((await keyClient(second.secret).get('/api/programs')).status, 401);
  assert.equal((await keyClient(`${second.secret.slice(0, -4)}AAAA`).get('/api/programs')).status, 401);
});

test('a deactivated staff member’s key stops working', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const { secret } = await createKey(person.user.id);
  await admin.post(`/api/users/${person.user.id}/deactivation`, { version: 1 });
  assert.equal((await keyClient(secret).get('/api/programs')).status, 401);
});

test('a key follows its staff member’s permissions; only admins manage keys; expiry is bounded', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const { secret } = await createKey(person.user.id);
  assert.equal((await keyClient(secret).post('/api/programs', { name: 'Nope', caseManagementModel: 'broker-generalist' })).status, 403);
  assert.equal((await keyClient(secret).get('/api/api-keys')).status, 403);
  const tooLong = await admin.post('/api/api-keys', { userId: person.user.id, name: 'Forever', expiresOn: inDays(400) });
  assert.equal(tooLong.status, 422);
  assert.equal((tooLong.body.errors as { path: string }[])[0]?.path, '/expiresOn');
  const past = await admin.post('/api/api-keys', { userId: person.user.id, name: 'Past', expiresOn: inDays(-1) });
  assert.equal(past.status, 422);
});

test('an API key cannot reach sign-in, second-factor or session routes (a leaked key must not take over the account)', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'], mfa: true });
  const { secret } = await createKey(person.user.id);
  const client = keyClient(secret);
  for (const [method, url] of [
    ['GET', '/api/session'],
    ['POST', '/api/session/mfa/enrolment'],
    ['POST', '/api/session/mfa/enrolment/confirm'],
    ['GET', '/api/sessions'],
    ['PATCH', '/api/me'],
    ['POST', '/api/me/password'],
  ] as const) {
    const response = await client.request(method, url, method === 'GET' ? undefined : {});
    assert.equal(response.status, 403, `${method} ${url}`);
  }
  const row = await t.db
    .selectFrom('users')
    .select(['mfaSecret', 'mfaPendingSecret'])
    .where('id', '=', person.user.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.mfaSecret, person.mfaSecret);
  assert.equal(row.mfaPendingSecret, null);
});
