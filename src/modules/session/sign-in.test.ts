import assert from 'node:assert/strict';
import { test } from 'node:test';
import argon2 from 'argon2';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';
import { expireThrottleRows } from './throttle.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);

test('a failed sign-in to an unknown email keeps a keyed hash of it, never the typed address', async () => {
  const typed = 'Someone.Elsewhere@Example.org';
  for (let i = 0; i < 2; i++) await new TestClient(t.app).post('/api/session', { email: typed, password: 'any password at all' });
  const rows = await t.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', 'sign-in-failure')
    .where('actorUserId', 'is', null)
    .orderBy('seq')
    .execute();
  const mine = rows.slice(-2);
  assert.equal(mine.length, 2);
  for (const row of mine) {
    assert.equal(row.details.reason, 'unknown-account');
    assert.match(String(row.details.emailHash), /^[0-9a-f]{32}$/);
    assert.ok(!JSON.stringify(row).toLowerCase().includes('someone.elsewhere'), 'the typed email is not kept');
  }
  assert.equal(mine[0]?.details.emailHash, mine[1]?.details.emailHash, 'the same email gives the same hash, so repeats can be seen');
});

test('the lockout answer tells a locked-out administrator the way back, in the same words for everyone', async () => {
  const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
  const staffMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const details: string[] = [];
  for (const email of [adminMade.user.email, staffMade.user.email, 'no-account-here@example.org']) {
    let last = await new TestClient(t.app).post('/api/session', { email, password: 'wrong password 0' });
    for (let i = 1; i < 6; i++) last = await new TestClient(t.app).post('/api/session', { email, password: `wrong password ${i}` });
    assert.equal(last.status, 429);
    details.push(String(last.body.detail));
  }
  assert.match(details[0] ?? '', /npx bridgeway reset-access/);
  assert.equal(new Set(details).size, 1, 'an admin’s lockout reads like anyone’s');
});

test('a password hashed with older argon2 parameters is upgraded at the next sign-in', async () => {
  const made = await makeUser(t.db, org.id, { password: 'an older kind of hash' });
  const old = await argon2.hash('an older kind of hash', { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await t.db.updateTable('users').set({ passwordHash: old }).where('id', '=', made.user.id).execute();
  await new TestClient(t.app).signIn(made.user.email, 'an older kind of hash');
  const row = await t.db.selectFrom('users').select('passwordHash').where('id', '=', made.user.id).executeTakeFirstOrThrow();
  assert.match(row.passwordHash ?? '', /^\$argon2id\$v=19\$m=24576,p=1,t=3\$/);
  await new TestClient(t.app).signIn(made.user.email, 'an older kind of hash');
});

test('throttle rows of emails nobody tried for a day are forgotten; recent ones and running locks stay', async () => {
  await t.db.deleteFrom('signInThrottle').execute();
  await sql`INSERT INTO sign_in_throttle (email, consecutive_failures, locked_until, last_failure_at) VALUES
    ('old@example.org', 3, NULL, now() - interval '2 days'),
    ('old-lock-over@example.org', 9, now() - interval '1 hour', now() - interval '2 days'),
    ('long-lock@example.org', 12, now() + interval '3 hours', now() - interval '25 hours'),
    ('recent@example.org', 2, NULL, now() - interval '1 hour')`.execute(t.db);
  assert.equal(await expireThrottleRows(t.db), 2);
  const left = await t.db.selectFrom('signInThrottle').select('email').orderBy('email').execute();
  assert.deepEqual(
    left.map((row) => row.email),
    ['long-lock@example.org', 'recent@example.org'],
  );
});
