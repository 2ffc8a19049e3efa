import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuditAction } from '../../codes.ts';
import { totpAt } from '../../lib/auth/totp.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { nextTotp, signedIn, TestClient } from '../../../test/support/client.ts';
import { addSecondFactor, DEFAULT_PASSWORD, makeOrganization, makeUser, testSecrets } from '../../../test/support/factories.ts';
import { openMfaSecret } from './mfa-secrets.ts';

const t: TestApp = await startTestApp();
const orgId = (await makeOrganization(t.db)).id;

async function auditRows(recordId: string, action?: AuditAction) {
  let query = t.db.selectFrom('auditEvents').selectAll().where('recordId', '=', recordId);
  if (action) query = query.where('action', '=', action);
  return query.orderBy('seq').execute();
}

describe('sign-in', () => {
  test('a right password signs in, sets an HttpOnly SameSite cookie, returns a CSRF token and audits it', async () => {
    const made = await makeUser(t.db, orgId, { roles: ['case-manager'] });
    const client = new TestClient(t.app);
    const response = await client.post('/api/session', { email: made.user.email.toUpperCase(), password: made.password });
    assert.equal(response.status, 200);
    assert.equal((response.body.user as { id: string }).id, made.user.id);
    assert.equal(response.body.stage, 'active');
    assert.match(String(response.body.csrfToken), /^[A-Za-z0-9_-]{40,}$/);
    const cookie = response.raw.cookies.find((c) => c.name === 'bridgeway_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Strict');
    assert.equal(cookie?.path, '/');
    const session = await client.get('/api/session');
    assert.equal(session.status, 200);
    const signIns = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('actorUserId', '=', made.user.id)
      .where('action', '=', 'sign-in')
      .execute();
    assert.equal(signIns.length, 1);
    assert.equal(signIns[0]?.organizationId, orgId);
    assert.equal(signIns[0]?.ip, '203.0.113.10');
  });

  test('a wrong password is 401 invalid-credentials and an audited failure; an unknown email answers the same', async () => {
    const made = await makeUser(t.db, orgId);
    const client = new TestClient(t.app);
    const wrong = await client.post('/api/session', { email: made.user.email, password: 'not the password at all' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.type, '/api/problems/invalid-credentials');
    assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
    const unknown = await client.post('/api/session', { email: 'nobody-here@example.org', password: 'not the password at all' });
    assert.equal(unknown.status, 401);
    assert.deepEqual({ ...unknown.body, detail: null }, { ...wrong.body, detail: null });
    const failures = await auditRows(made.user.id, 'sign-in-failure');
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.details.reason, 'wrong-password');
    assert.equal(client.cookie, null);
  });

  test('the fifth wrong password locks the account and says so; even the right password is then 429 with Retry-After', async () => {
    const made = await makeUser(t.db, orgId);
    const client = new TestClient(t.app);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await client.post('/api/session', { email: made.user.email, password: `wrong password ${attempt}` });
      // The failure that locks the account says so at once.
      assert.equal(response.status, attempt < 5 ? 401 : 429, `attempt ${attempt}`);
    }
    const locked = await client.post('/api/session', { email: made.user.email, password: made.password });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.type, '/api/problems/account-locked');
    const retryAfter = Number(locked.headers['retry-after']);
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `retry-after ${retryAfter}`);
    assert.equal(client.cookie, null);
    const reasons = (await auditRows(made.user.id, 'sign-in-failure')).map((row) => row.details.reason);
    assert.deepEqual(reasons, ['wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'wrong-password', 'locked']);
  });

  test('guesses sent in parallel cannot slip past the count: at most five are checked', async () => {
    const made = await makeUser(t.db, orgId);
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        new TestClient(t.app).post('/api/session', { email: made.user.email, password: `parallel guess ${i}` }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    assert.ok(statuses.filter((status) => status === 401).length <= 4, statuses.join(','));
    assert.ok(
      statuses.every((status) => status === 401 || status === 429),
      statuses.join(','),
    );
    assert.equal((await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password })).status, 429);
  });

  test('an unknown email locks the same way, so lockout does not reveal who has an account', async () => {
    const client = new TestClient(t.app);
    for (let attempt = 1; attempt <= 5; attempt++)
      await client.post('/api/session', { email: 'ghost@example.org', password: `wrong password ${attempt}` });
    const locked = await client.post('/api/session', { email: 'ghost@example.org', password: 'any password 123' });
    assert.equal(locked.status, 429);
  });

  test('a successful sign-in clears earlier failures', async () => {
    const made = await makeUser(t.db, orgId);
    const client = new TestClient(t.app);
    for (let attempt = 1; attempt <= 4; attempt++)
      await client.post('/api/session', { email: made.user.email, password: 'wrong wrong wrong' });
    await client.signIn(made.user.email, made.password);
    for (let attempt = 1; attempt <= 4; attempt++)
      await client.post('/api/session', { email: made.user.email, password: 'wrong wrong wrong' });
    const again = await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password });
    assert.equal(again.status, 200);
  });

  test('a deactivated or invited account cannot sign in', async () => {
    const deactivated = await makeUser(t.db, orgId, { status: 'deactivated' });
    const invited = await makeUser(t.db, orgId, { status: 'invited' });
    const client = new TestClient(t.app);
    assert.equal((await client.post('/api/session', { email: deactivated.user.email, password: DEFAULT_PASSWORD })).status, 401);
    assert.equal((await client.post('/api/session', { email: invited.user.email, password: DEFAULT_PASSWORD })).status, 401);
  });

  test('signing in again rotates the session: the old cookie stops working', async () => {
    const made = await makeUser(t.db, orgId);
    const client = await signedIn(t.app, made);
    const oldCookie = client.cookie;
    await client.signIn(made.user.email, made.password);
    assert.notEqual(client.cookie, oldCookie);
    const old = new TestClient(t.app);
    old.cookie = oldCookie;
    assert.equal((await old.get('/api/session')).status, 401);
    assert.equal((await client.get('/api/session')).status, 200);
  });

  test('sign-out ends the session and is audited', async () => {
    const made = await makeUser(t.db, orgId);
    const client = await signedIn(t.app, made);
    const cookie = client.cookie;
    assert.equal((await client.delete('/api/session')).status, 204);
    client.cookie = cookie;
    assert.equal((await client.get('/api/session')).status, 401);
    const signOuts = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('actorUserId', '=', made.user.id)
      .where('action', '=', 'sign-out')
      .execute();
    assert.equal(signOuts.length, 1);
  });
});

describe('second factor', () => {
  test('an account with TOTP gets mfa-required without a code, invalid-totp with a wrong one, a session with the right one', async () => {
    const made = await makeUser(t.db, orgId, { roles: ['admin'], mfa: true });
    const client = new TestClient(t.app);
    const noCode = await client.post('/api/session', { email: made.user.email, password: made.password });
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.type, '/api/problems/mfa-required');
    const wrongCode = await client.post('/api/session', {
      email: made.user.email,
      password: made.password,
      totp: '000000' === totpAt(made.mfaSecret ?? '', Date.now()) ? '111111' : '000000',
    });
    assert.equal(wrongCode.status, 401);
    assert.equal(wrongCode.body.type, '/api/problems/invalid-totp');
    const code = nextTotp(made.mfaSecret ?? '');
    const ok = await client.post('/api/session', { email: made.user.email, password: made.password, totp: code });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.stage, 'active');
    const replay = await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password, totp: code });
    assert.equal(replay.status, 401, 'a used code is refused');
  });

  test('an admin without a second factor gets a session limited to enrolment, then enrols and is fully signed in', async () => {
    const made = await makeUser(t.db, orgId, { roles: ['admin'], mfa: false });
    const client = await signedIn(t.app, made);
    const session = await client.get('/api/session');
    assert.equal(session.body.stage, 'mfa-enrolment');
    const blocked = await client.get('/api/users');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.type, '/api/problems/mfa-enrolment-required');

    const enrolment = await client.post<{ secret: string; otpauthUri: string }>('/api/session/mfa/enrolment');
    assert.equal(enrolment.status, 200);
    assert.match(
      enrolment.body.otpauthUri,
      /^otpauth:\/\/totp\/Bridgeway:.+\?secret=[A-Z2-7]+&issuer=Bridgeway&algorithm=SHA1&digits=6&period=30$/,
    );
    const wrong = await client.post('/api/session/mfa/enrolment/confirm', { totp: '12345' });
    assert.equal(wrong.status, 400);
    assert.equal((wrong.body.errors as { path: string }[])[0]?.path, '/totp');
    const before = client.cookie;
    const confirmed = await client.post<{ stage: string; recoveryCodes: string[] }>('/api/session/mfa/enrolment/confirm', {
      totp: nextTotp(enrolment.body.secret),
    });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.stage, 'active');
    assert.equal(confirmed.body.recoveryCodes.length, 10, 'ten recovery codes, shown once');
    assert.notEqual(client.cookie, before, 'the session rotates on enrolment');
    assert.equal((await client.get('/api/users')).status, 200);
    const row = await t.db
      .selectFrom('users')
      .select(['mfaEnabledAt', 'mfaSecret', 'mfaPendingSecret'])
      .where('id', '=', made.user.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.mfaEnabledAt);
    const sealed = row.mfaSecret ?? '';
    assert.ok(sealed.startsWith('v1.'), 'stored sealed');
    assert.ok(!sealed.includes(enrolment.body.secret), 'never in plaintext');
    assert.equal(openMfaSecret(testSecrets, 'mfaSecret', made.user.id, sealed), enrolment.body.secret);
    assert.equal(row.mfaPendingSecret, null);
    // From now on the password alone is not enough.
    const next = await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password });
    assert.equal(next.body.type, '/api/problems/mfa-required');
  });

  test('an enrolled person can move to a new authenticator app; the old one works until the new one is confirmed', async () => {
    const made = await makeUser(t.db, orgId, { roles: ['case-manager'] });
    const client = await signedIn(t.app, made);
    made.mfaSecret = await addSecondFactor(t.db, made.user.id);
    const started = await client.post<{ secret: string }>('/api/session/mfa/enrolment', {
      currentPassword: made.password,
      totp: nextTotp(made.mfaSecret ?? ''),
    });
    assert.equal(started.status, 200);
    assert.notEqual(started.body.secret, made.mfaSecret);
    await new TestClient(t.app).signIn(made.user.email, made.password, made.mfaSecret); // old app still works
    assert.equal((await client.post('/api/session/mfa/enrolment/confirm', { totp: nextTotp(started.body.secret) })).status, 200);
    const withOld = await new TestClient(t.app).post('/api/session', {
      email: made.user.email,
      password: made.password,
      totp: nextTotp(made.mfaSecret ?? ''),
    });
    assert.equal(withOld.body.type, '/api/problems/invalid-totp');
    await new TestClient(t.app).signIn(made.user.email, made.password, started.body.secret);
    const changes = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('recordId', '=', made.user.id)
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      changes.map((row) => row.details.change),
      ['mfa-replacement-started', 'mfa-replaced'],
    );
  });
});

describe('CSRF and sessions', () => {
  test('a state-changing request without the CSRF token is 403 and changes nothing', async () => {
    const made = await makeUser(t.db, orgId);
    const client = await signedIn(t.app, made);
    const refused = await client.patch('/api/me', { displayName: 'Changed Name' }, { withoutCsrf: true });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.type, '/api/problems/csrf');
    const wrongToken = await client.patch(
      '/api/me',
      { displayName: 'Changed Name' },
      { withoutCsrf: true, headers: { 'x-csrf-token': 'x'.repeat(43) } },
    );
    assert.equal(wrongToken.status, 403);
    const row = await t.db.selectFrom('users').select(['displayName', 'version']).where('id', '=', made.user.id).executeTakeFirstOrThrow();
    assert.equal(row.displayName, made.user.displayName);
    assert.equal(row.version, made.user.version);
    const accepted = await client.patch('/api/me', { displayName: 'Changed Name' });
    assert.equal(accepted.status, 200);
  });

  test('a user sees their sessions and can end another one', async () => {
    const made = await makeUser(t.db, orgId);
    const laptop = await signedIn(t.app, made);
    const phone = await signedIn(t.app, made);
    const list = await laptop.get<{ items: { id: string; current: boolean }[] }>('/api/sessions');
    assert.equal(list.body.items.length, 2);
    const other = list.body.items.find((s) => !s.current);
    assert.ok(other);
    assert.equal((await laptop.delete(`/api/sessions/${other.id}`)).status, 204);
    assert.equal((await phone.get('/api/session')).status, 401);
    assert.equal((await laptop.get('/api/session')).status, 200);
  });

  test('one user cannot end another user’s session (404)', async () => {
    const a = await signedIn(t.app, await makeUser(t.db, orgId));
    const bUser = await makeUser(t.db, orgId);
    const b = await signedIn(t.app, bUser);
    const bSessions = await b.get<{ items: { id: string }[] }>('/api/sessions');
    const target = bSessions.body.items[0]?.id ?? '';
    assert.equal((await a.delete(`/api/sessions/${target}`)).status, 404);
    assert.equal((await b.get('/api/session')).status, 200);
  });

  test('an idle session times out', async () => {
    const made = await makeUser(t.db, orgId);
    const client = await signedIn(t.app, made);
    await t.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where('userId', '=', made.user.id)
      .execute();
    assert.equal((await client.get('/api/session')).status, 401);
  });

  test('a session past its absolute lifetime ends even when active', async () => {
    const made = await makeUser(t.db, orgId);
    const client = await signedIn(t.app, made);
    await t.db
      .updateTable('sessions')
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', made.user.id)
      .execute();
    assert.equal((await client.get('/api/session')).status, 401);
  });

  test('changing my password ends my other sessions and needs the current password', async () => {
    const made = await makeUser(t.db, orgId);
    const laptop = await signedIn(t.app, made);
    const phone = await signedIn(t.app, made);
    const wrong = await laptop.post('/api/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    assert.equal(wrong.status, 400);
    assert.equal((wrong.body.errors as { path: string }[])[0]?.path, '/currentPassword');
    const short = await laptop.post('/api/me/password', { currentPassword: made.password, newPassword: 'short' });
    assert.equal(short.status, 400);
    assert.equal((short.body.errors as { path: string }[])[0]?.path, '/newPassword');
    assert.equal(
      (await laptop.post('/api/me/password', { currentPassword: made.password, newPassword: 'a brand new passphrase' })).status,
      204,
    );
    assert.equal((await phone.get('/api/session')).status, 401);
    assert.equal((await laptop.get('/api/session')).status, 200);
    await new TestClient(t.app).signIn(made.user.email, 'a brand new passphrase');
  });
});
