import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../support/app.ts';
import { signedIn } from '../support/client.ts';
import { makeOrganization, makePatient, makeUser } from '../support/factories.ts';

/**
 * A refused read writes its access-denied row on the connection it already holds (a savepoint
 * inside the same transaction), never on a second pooled connection: with every connection of
 * the pool busy refusing, none waits for another, so a burst of denied reads cannot exhaust the
 * pool (the spine's first version answered 503 to half of 20 such reads and lost their audit).
 */
const POOL = 5;
const t = await startTestApp({}, { poolSize: POOL });
const org = await makeOrganization(t.db);
const registrar = await makeUser(t.db, org.id, { roles: ['case-manager'] });
const patient = await makePatient(t.db, org.id, registrar.user.id);
const owner = await signedIn(t.app, registrar);
const stranger = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));

test('three times the pool size of concurrent denied reads: all 404, all audited, and a legitimate read still answers', async () => {
  const denied = Array.from({ length: POOL * 3 }, (_, i) =>
    stranger.request('GET', `/api/patients/${patient.id}`, undefined, { headers: { 'x-request-id': `pressure-${i}` } }),
  );
  const legitimate = owner.get(`/api/patients/${patient.id}`);
  const answers = await Promise.all(denied);
  assert.deepEqual(
    answers.map((answer) => answer.status),
    Array.from({ length: POOL * 3 }, () => 404),
  );
  assert.equal((await legitimate).status, 200);
  const audited = await t.db
    .selectFrom('auditEvents')
    .select('requestId')
    .where('action', '=', 'access-denied')
    .where('requestId', 'like', 'pressure-%')
    .execute();
  assert.equal(audited.length, POOL * 3, 'every denial is audited');
});

test('when every connection stays busy past the wait, the answer (and /api/ready) says the server is busy, not that the database is down, and when to retry', async () => {
  // Every connection of the pool held, as under a load heavier than the pool: the request waits its 3 s for one, then gives up.
  const held = await Promise.all(Array.from({ length: POOL }, () => t.pool.connect()));
  let answer, ready;
  try {
    [answer, ready] = await Promise.all([owner.get(`/api/patients/${patient.id}`), owner.get('/api/ready')]);
  } finally {
    for (const client of held) client.release();
  }
  assert.equal(answer.status, 503, JSON.stringify(answer.body));
  assert.equal(answer.body.type, '/api/problems/unavailable');
  assert.equal(answer.body.code, 'server-busy');
  assert.doesNotMatch(String(answer.body.detail), /not reachable/i);
  assert.match(String(answer.headers['retry-after']), /^[1-9]\d*$/);
  assert.equal(answer.body.retryAfterSeconds, Number(answer.headers['retry-after']));
  // The readiness check says the same: a busy pool is load, not a database that is down or not migrated.
  assert.equal(ready.status, 503, JSON.stringify(ready.body));
  assert.equal(ready.body.code, 'server-busy');
  assert.doesNotMatch(String(ready.body.detail), /not reachable|migrated/i);
  // Once connections are free again, the same read answers.
  assert.equal((await owner.get(`/api/patients/${patient.id}`)).status, 200);
});
