import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';

/**
 * Per-address limits on the routes that run argon2, shared between them. The flood test also
 * prints what a real sign-in costs alone and during 60 parallel sign-ins to unknown emails
 * (docs/security.md quotes a run): `npm test -- src/lib/http/rate-limits.test.ts`.
 */
const LIMIT = 10;
const t = await startTestApp({ credentialAttemptsPerMinute: LIMIT });
const org = await makeOrganization(t.db);

function from(ip: string): TestClient {
  const client = new TestClient(t.app);
  client.ip = ip;
  return client;
}

test('one address gets a budget of attempts across sign-in, setup and set-password links; then 429 with Retry-After', async () => {
  const client = from('198.51.100.7');
  const spent = [
    await client.post('/api/session', { email: 'a@example.org', password: 'guess number one' }),
    await client.post('/api/setup', {}),
    await client.post('/api/invitations/not-a-real-token/acceptance', { password: 'a long enough passphrase' }),
  ];
  assert.deepEqual(
    spent.map((r) => r.status),
    [401, 400, 404],
  );
  for (let i = spent.length; i < LIMIT; i++)
    await client.post('/api/session', { email: `x${i}@example.org`, password: 'another guess here' });
  const limited = await client.post('/api/session', { email: 'a@example.org', password: 'guess number eleven' });
  assert.equal(limited.status, 429);
  assert.equal(limited.body.type, '/api/problems/rate-limited');
  assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.equal((await client.post('/api/invitations/x/acceptance', { password: 'a long enough passphrase' })).status, 429);
  // Another address is not affected, nor are routes that check no password.
  assert.equal((await from('198.51.100.8').post('/api/session', { email: 'a@example.org', password: 'guess number one' })).status, 401);
  assert.equal((await client.get('/api/setup')).status, 200);
});

test('60 parallel sign-ins to unknown emails from one address cannot starve a real sign-in', async () => {
  const made = await makeUser(t.db, org.id, { password: 'the real person’s passphrase' });
  const real = async () => {
    const started = performance.now();
    await from('192.0.2.200').signIn(made.user.email, 'the real person’s passphrase');
    return performance.now() - started;
  };
  const alone = await real();
  const attacker = from('203.0.113.66');
  const flood = Array.from({ length: 60 }, (_, i) =>
    attacker.post('/api/session', { email: `nobody-${i}@example.org`, password: 'spray guess 1234' }),
  );
  const during = await real();
  const answers = await Promise.all(flood);
  const checked = answers.filter((r) => r.status === 401).length;
  const limited = answers.filter((r) => r.status === 429).length;
  const busy = answers.filter((r) => r.status === 503).length;
  assert.equal(checked + limited + busy, 60, 'each is refused by the address limit, the argon2 queue, or checked');
  assert.ok(checked + busy <= LIMIT, `at most ${LIMIT} of the flood got past the address limit (${checked + busy} did)`);
  console.log(
    `real sign-in alone ${alone.toFixed(0)} ms, during a 60-request flood ${during.toFixed(0)} ms; flood: ${checked} checked, ${limited} got 429, ${busy} got 503`,
  );
});
