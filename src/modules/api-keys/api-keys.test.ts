import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, TestClient } from '../../../test/support/client.ts';
import { superuserClient } from '../../../test/support/db.ts';
import { makeIntegration, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
const admin = await signedIn(t.app, adminMade);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function createKey(userId: string) {
  const response = await admin.post<{ apiKey: { id: string; prefix: string; status: string }; secret: string }>('/api/api-keys', {
    userId,
    name: 'EHR sync',
    expiresOn: inDays(90),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

function keyClient(secret: string): TestClient {
  const client = new TestClient(t.app);
  client.bearer = secret;
  return client;
}

test('an admin creates an integration account and a key for it; the key is shown once, stored hashed, listed with the account and its creator', async () => {
  const created = await admin.post<{ id: string; kind: string; email: string | null; mfaEnabled: boolean }>('/api/integration-accounts', {
    displayName: 'County EHR feed',
    roles: ['case-manager'],
    programIds: [program.id],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.headers.location, `/api/users/${created.body.id}`);
  assert.deepEqual([created.body.kind, created.body.email, created.body.mfaEnabled], ['integration', null, false]);
  const { apiKey, secret } = await createKey(created.body.id);
  assert.match(secret, /^bwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  assert.ok(secret.startsWith(apiKey.prefix));
  const row = await t.db.selectFrom('apiKeys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
  assert.ok(!row.keyHash.toString('utf8').includes(secret.slice(20)), 'only the hash is stored');
  assert.equal((await keyClient(secret).get('/api/programs')).status, 200);
  const listed = await admin.get<{ items: Record<string, unknown>[] }>('/api/api-keys');
  const item = listed.body.items.find((k) => k.id === apiKey.id);
  assert.equal(item?.userId, created.body.id);
  assert.equal(item?.userDisplayName, 'County EHR feed');
  assert.equal(item?.createdBy, adminMade.user.id);
  assert.equal(item?.createdByDisplayName, adminMade.user.displayName);
  assert.ok(item?.lastUsedAt);
  assert.ok(!JSON.stringify(listed.body).includes(secret), 'the secret is never listed');
  // It can never sign in: no email, no password.
  const users = await admin.get<{ items: { id: string }[] }>('/api/users?kind=integration');
  assert.deepEqual(
    users.body.items.map((u) => u.id),
    [created.body.id],
  );
});

test('no key acts as a person: creating one for a staff member (even oneself) is refused, and the database refuses it too', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  for (const userId of [person.user.id, adminMade.user.id]) {
    const refused = await admin.post('/api/api-keys', { userId, name: 'Mine', expiresOn: inDays(30) });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'not-an-integration-account');
    assert.equal((refused.body.errors as { path: string }[])[0]?.path, '/userId');
  }
  assert.equal(
    (await t.db.selectFrom('apiKeys').select('id').where('userId', 'in', [person.user.id, adminMade.user.id]).execute()).length,
    0,
  );
  await assert.rejects(
    t.db
      .insertInto('apiKeys')
      .values({
        id: '018f0000-0000-7000-8000-0000000000aa',
        organizationId: org.id,
        userId: person.user.id,
        name: 'Sneaky',
        keyPrefix: 'aaaaaaaaaaaa',
        keyHash: Buffer.alloc(32),
        createdBy: adminMade.user.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .execute(),
    /acts only as an integration account/,
  );
});

test('a key writes under the same access rules, and every audit row names the key and its creator', async () => {
  const integration = await makeIntegration(t.db, org.id, { roles: ['case-manager'], programIds: [program.id] });
  const { apiKey, secret } = await createKey(integration.id);
  const client = keyClient(secret);
  const clinician = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const patient = await makePatient(t.db, org.id, clinician.user.id);
  // Not on the care team: the patient does not exist for it, and the attempt is audited.
  assert.equal((await client.get(`/api/patients/${patient.id}`)).status, 404);
  const denied = await t.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('recordId', '=', patient.id)
    .where('action', '=', 'access-denied')
    .executeTakeFirstOrThrow();
  assert.equal(denied.actorUserId, integration.id);
  assert.equal(denied.actorApiKeyId, apiKey.id);
  assert.equal(denied.details.apiKeyCreatedBy, adminMade.user.id);
  // It registers a patient of its own, audited the same way.
  const registered = await client.post<{ id: string }>('/api/patients', {
    legalFirstName: 'Quillon',
    legalLastName: 'Ashgrove',
    dateOfBirth: '1979-03-02',
    confirmedNotDuplicate: true,
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const created = await t.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('recordId', '=', registered.body.id)
    .where('action', '=', 'create')
    .executeTakeFirstOrThrow();
  assert.deepEqual([created.actorApiKeyId, created.details.apiKeyCreatedBy], [apiKey.id, adminMade.user.id]);
});

test('an integration account sees a patient once it is placed on the care team, and not before', async () => {
  const integration = await makeIntegration(t.db, org.id, { roles: ['community-health-worker'], programIds: [program.id] });
  const { secret } = await createKey(integration.id);
  const client = keyClient(secret);
  const clinicianMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  await t.db
    .insertInto('programMemberships')
    .values({ organizationId: org.id, programId: program.id, userId: clinicianMade.user.id })
    .execute();
  const clinician = await signedIn(t.app, clinicianMade);
  const patient = await makePatient(t.db, org.id, clinicianMade.user.id);
  const episode = await clinician.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: '2026-01-05',
    phase: 'intake',
    primaryCaseManagerId: clinicianMade.user.id,
  });
  assert.equal(episode.status, 201, JSON.stringify(episode.body));
  assert.equal((await client.get(`/api/patients/${patient.id}`)).status, 404, 'a program of its own is not enough');
  const added = await clinician.post(`/api/episodes/${episode.body.id}/care-team`, {
    userId: integration.id,
    role: 'community-health-worker',
    startedOn: '2026-01-06',
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal((await client.get(`/api/patients/${patient.id}`)).status, 200);
});

test('a revoked key, an expired key, a made-up key and a deactivated account’s key are 401', async () => {
  const integration = await makeIntegration(t.db, org.id);
  const { apiKey, secret } = await createKey(integration.id);
  assert.equal((await keyClient(secret).get('/api/programs')).status, 200);
  assert.equal((await admin.delete(`/api/api-keys/${apiKey.id}`)).status, 204);
  assert.equal((await keyClient(secret).get('/api/programs')).status, 401);
  assert.equal((await admin.delete(`/api/api-keys/${apiKey.id}`)).status, 404, 'revoking twice');

  const second = await createKey(integration.id);
  await t.db
    .updateTable('apiKeys')
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where('id', '=', second.apiKey.id)
    .execute();
  assert.equal((await keyClient(second.secret).get('/api/programs')).status, 401);
  assert.equal((await keyClient(`${second.secret.slice(0, -4)}AAAA`).get('/api/programs')).status, 401);

  const third = await createKey(integration.id);
  assert.equal((await admin.post(`/api/users/${integration.id}/deactivation`, { version: 1 })).status, 200);
  assert.equal((await keyClient(third.secret).get('/api/programs')).status, 401);
});

test('integration accounts hold only clinical roles that need no second factor, have no credentials to reset, and expiry is bounded', async () => {
  for (const roles of [['admin'], ['supervisor'], ['privacy-officer']]) {
    const refused = await admin.post('/api/integration-accounts', { displayName: 'Too mighty', roles });
    assert.equal(refused.status, 400, roles.join());
  }
  const integration = await makeIntegration(t.db, org.id);
  const promote = await admin.patch(`/api/users/${integration.id}`, { version: 1, roles: ['case-manager', 'admin'] });
  assert.equal(promote.status, 422);
  assert.equal(promote.body.code, 'role-not-for-integration');
  for (const action of ['invitations', 'mfa-reset']) {
    const refused = await admin.post(`/api/users/${integration.id}/${action}`);
    assert.equal(refused.status, 422, action);
    assert.equal(refused.body.code, 'integration-account');
  }
  const tooLong = await admin.post('/api/api-keys', { userId: integration.id, name: 'Forever', expiresOn: inDays(400) });
  assert.equal(tooLong.status, 422);
  assert.equal((tooLong.body.errors as { path: string }[])[0]?.path, '/expiresOn');
  assert.equal((await admin.post('/api/api-keys', { userId: integration.id, name: 'Past', expiresOn: inDays(-1) })).status, 422);
});

test('a key never manages staff, keys, programs, the organization or anyone’s credentials, whatever its account’s roles', async () => {
  const integration = await makeIntegration(t.db, org.id);
  const { apiKey, secret } = await createKey(integration.id);
  // Even an account that somehow held admin (the database allows roles; the API does not).
  await t.db
    .updateTable('users')
    .set({ roles: ['admin', 'case-manager'] })
    .where('id', '=', integration.id)
    .execute();
  const client = keyClient(secret);
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'], mfa: true });
  const before = await t.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorApiKeyId', '=', apiKey.id)
    .executeTakeFirstOrThrow();
  const calls: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown][] = [
    ['POST', '/api/users', { email: 'minted@example.org', displayName: 'Minted', roles: ['admin'] }],
    ['POST', '/api/integration-accounts', { displayName: 'Minted feed', roles: ['case-manager'] }],
    ['PATCH', `/api/users/${person.user.id}`, { version: 1, roles: ['admin'] }],
    ['POST', `/api/users/${person.user.id}/invitations`],
    ['POST', `/api/users/${person.user.id}/mfa-reset`],
    ['POST', `/api/users/${person.user.id}/deactivation`, { version: 1 }],
    ['POST', `/api/users/${integration.id}/invitations`],
    ['GET', '/api/api-keys'],
    ['POST', '/api/api-keys', { userId: integration.id, name: 'Another', expiresOn: inDays(30) }],
    ['DELETE', `/api/api-keys/${apiKey.id}`],
    ['POST', '/api/programs', { name: 'Via key', caseManagementModel: 'broker-generalist' }],
    ['PATCH', `/api/programs/${program.id}`, { version: 1, name: 'Renamed by a key' }],
    ['DELETE', `/api/programs/${program.id}`],
    ['PATCH', '/api/organization', { version: 1, name: 'Taken over' }],
  ];
  for (const [method, url, body] of calls) {
    const response = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
    assert.equal(response.status, 403, `${method} ${url}`);
    assert.equal(response.body.code, 'api-key-not-allowed', `${method} ${url}`);
  }
  const after = await t.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorApiKeyId', '=', apiKey.id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n), 'nothing was written');
  const row = await t.db.selectFrom('users').select(['roles', 'version']).where('id', '=', person.user.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { roles: ['case-manager'], version: 1 });
});

test('an API key cannot reach sign-in, second-factor or session routes', async () => {
  const integration = await makeIntegration(t.db, org.id);
  const { secret } = await createKey(integration.id);
  const client = keyClient(secret);
  for (const [method, url] of [
    ['GET', '/api/session'],
    ['POST', '/api/session/mfa/enrolment'],
    ['POST', '/api/session/mfa/enrolment/confirm'],
    ['GET', '/api/sessions'],
    ['PATCH', '/api/me'],
    ['POST', '/api/me/password'],
    ['POST', '/api/me/mfa/recovery-codes'],
    ['GET', '/api/me/security-events'],
  ] as const) {
    const response = await client.request(method, url, method === 'GET' ? undefined : {});
    assert.equal(response.status, 403, `${method} ${url}`);
  }
});

test('the migration revokes keys that act as people, with an audit row per key naming its creator', async () => {
  const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const integration = await makeIntegration(t.db, org.id);
  const kept = await createKey(integration.id);
  const su = await superuserClient(t.databaseName);
  try {
    // A key of a person's, as main allowed before this migration (the trigger refuses it now).
    await su.query('SET session_replication_role = replica');
    await su.query(
      `INSERT INTO api_keys (id, organization_id, user_id, name, key_prefix, key_hash, created_by, expires_at)
       VALUES ('018f0000-0000-7000-8000-0000000000bb', $1, $2, 'Old key', 'bbbbbbbbbbbb', '\\x00', $3, now() + interval '30 days')`,
      [org.id, person.user.id, adminMade.user.id],
    );
    await su.query('SET session_replication_role = origin');
    const migration = readFileSync(path.join(import.meta.dirname, 'migrations/0101_keys_act_as_integrations.sql'), 'utf8');
    await su.query(migration.slice(0, migration.indexOf('CREATE FUNCTION')));
  } finally {
    await su.end();
  }
  const keys = await t.db
    .selectFrom('apiKeys')
    .select(['id', 'revokedAt'])
    .where('id', 'in', ['018f0000-0000-7000-8000-0000000000bb', kept.apiKey.id])
    .execute();
  assert.ok(keys.find((k) => k.id === '018f0000-0000-7000-8000-0000000000bb')?.revokedAt, 'the person’s key is revoked');
  assert.equal(keys.find((k) => k.id === kept.apiKey.id)?.revokedAt, null, 'the integration’s key is kept');
  const audit = await t.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('recordId', '=', '018f0000-0000-7000-8000-0000000000bb')
    .executeTakeFirstOrThrow();
  assert.equal(audit.action, 'delete');
  assert.deepEqual(audit.details, { change: 'revoked-acted-as-person', actingAs: person.user.id, apiKeyCreatedBy: adminMade.user.id });
  assert.equal(audit.organizationId, org.id);
});
