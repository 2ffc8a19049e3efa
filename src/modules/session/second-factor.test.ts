import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { totpAt } from '../../lib/auth/totp.ts';
import { nextTotp, signedIn, TestClient } from '../../../test/support/client.ts';
import { addSecondFactor, makeOrganization, makeUser } from '../../../test/support/factories.ts';

/** Second factors: who must have one, recovery codes, replacing one, and telling the person. */
const t: TestApp = await startTestApp();
const org = await makeOrganization(t.db);

interface SecurityEvents {
  items: { type: string; byMe: boolean; byDisplayName: string | null }[];
}

/** Signs a person without a second factor in and enrols one; returns the client, the TOTP secret and the recovery codes. */
async function enrol(made: Awaited<ReturnType<typeof makeUser>>) {
  const client = await signedIn(t.app, made);
  const started = await client.post<{ secret: string }>('/api/session/mfa/enrolment');
  assert.equal(started.status, 200);
  const confirmed = await client.post<{ recoveryCodes: string[] }>('/api/session/mfa/enrolment/confirm', {
    totp: nextTotp(started.body.secret),
  });
  assert.equal(confirmed.status, 200);
  return { client, secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('who must have a second factor', () => {
  test('supervisors and privacy officers must enrol before anything else, like admins; case managers need not', async () => {
    for (const roles of [['supervisor'], ['privacy-officer'], ['admin']] as const) {
      const made = await makeUser(t.db, org.id, { roles: [...roles], mfa: false });
      const client = await signedIn(t.app, made);
      assert.equal((await client.get('/api/session')).body.stage, 'mfa-enrolment', roles.join());
      assert.equal((await client.get('/api/programs')).body.type, '/api/problems/mfa-enrolment-required', roles.join());
    }
    const caseManager = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));
    assert.equal((await caseManager.get('/api/session')).body.stage, 'active');
  });

  test('an organization can require a second factor of all its staff; it applies to open sessions at once', async () => {
    const own = await makeOrganization(t.db);
    const admin = await signedIn(t.app, await makeUser(t.db, own.id, { roles: ['admin'] }));
    const caseManager = await signedIn(t.app, await makeUser(t.db, own.id, { roles: ['case-manager'] }));
    assert.equal((await caseManager.get('/api/programs')).status, 200);
    const changed = await admin.patch('/api/organization', { version: 1, mfaRequiredForAll: true });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.mfaRequiredForAll, true);
    assert.equal((await caseManager.get('/api/programs')).body.type, '/api/problems/mfa-enrolment-required');
    const view = await caseManager.get<{ stage: string; security: { mfaRequired: boolean } }>('/api/session');
    assert.deepEqual([view.body.stage, view.body.security.mfaRequired], ['mfa-enrolment', true]);
  });
});

describe('recovery codes', () => {
  test('ten at enrolment, each signs in once instead of a code, and their use is a security event', async () => {
    const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const { recoveryCodes } = await enrol(made);
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    for (const code of recoveryCodes) assert.match(code, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const stored = await t.db.selectFrom('mfaRecoveryCodes').select('codeHash').where('userId', '=', made.user.id).execute();
    assert.equal(stored.length, 10);
    assert.ok(
      stored.every((row) => !row.codeHash.toString('utf8').includes(recoveryCodes[0]?.slice(0, 4) ?? '')),
      'stored hashed',
    );

    const code = recoveryCodes[3] ?? '';
    const phone = new TestClient(t.app);
    const signIn = await phone.post<{ security: { recoveryCodesLeft: number; eventsSincePreviousSignIn: number } }>('/api/session', {
      email: made.user.email,
      password: made.password,
      recoveryCode: code.toUpperCase().replace(/-/g, ' '),
    });
    assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
    assert.equal(signIn.body.security.recoveryCodesLeft, 9);
    const again = await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password, recoveryCode: code });
    assert.equal(again.status, 401);
    assert.equal(again.body.code, 'invalid-recovery-code');
    const events = await phone.get<SecurityEvents>('/api/me/security-events');
    assert.deepEqual(
      events.body.items.map((e) => e.type),
      ['recovery-code-used', 'mfa-enrolled'],
    );
  });

  test('regenerating needs the current password; the old codes stop working', async () => {
    const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const { client, recoveryCodes } = await enrol(made);
    const wrong = await client.post('/api/me/mfa/recovery-codes', { currentPassword: 'not my password at all' });
    assert.equal(wrong.status, 400);
    assert.equal((wrong.body.errors as { path: string }[])[0]?.path, '/currentPassword');
    const fresh = await client.post<{ recoveryCodes: string[] }>('/api/me/mfa/recovery-codes', { currentPassword: made.password });
    assert.equal(fresh.status, 201);
    assert.equal(fresh.body.recoveryCodes.length, 10);
    const old = await new TestClient(t.app).post('/api/session', {
      email: made.user.email,
      password: made.password,
      recoveryCode: recoveryCodes[0],
    });
    assert.equal(old.status, 401);
    await new TestClient(t.app).post('/api/session', {
      email: made.user.email,
      password: made.password,
      recoveryCode: fresh.body.recoveryCodes[0],
    });
    const types = (await client.get<SecurityEvents>('/api/me/security-events')).body.items.map((e) => e.type);
    assert.ok(types.includes('recovery-codes-regenerated'));
  });
});

describe('replacing a second factor', () => {
  test('needs the current password and a current code from the old authenticator; a borrowed session alone cannot', async () => {
    const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const client = await signedIn(t.app, made);
    made.mfaSecret = await addSecondFactor(t.db, made.user.id);
    const bare = await client.post('/api/session/mfa/enrolment');
    assert.equal(bare.status, 400);
    assert.equal((bare.body.errors as { path: string }[])[0]?.path, '/currentPassword');
    const noCode = await client.post('/api/session/mfa/enrolment', { currentPassword: made.password });
    assert.equal((noCode.body.errors as { path: string }[])[0]?.path, '/totp');
    const wrongPassword = await client.post('/api/session/mfa/enrolment', {
      currentPassword: 'a guess at the password',
      totp: totpAt(made.mfaSecret ?? '', Date.now()),
    });
    assert.equal((wrongPassword.body.errors as { path: string }[])[0]?.path, '/currentPassword');
    const wrongCode = await client.post('/api/session/mfa/enrolment', { currentPassword: made.password, totp: '000000' });
    assert.deepEqual(wrongCode.body.errors, [
      { path: '/totp', code: 'invalid-totp', message: 'is not the current code of your authenticator app' },
    ]);
    const row = await t.db.selectFrom('users').select('mfaPendingSecret').where('id', '=', made.user.id).executeTakeFirstOrThrow();
    assert.equal(row.mfaPendingSecret, null, 'nothing started');
    const started = await client.post<{ secret: string }>('/api/session/mfa/enrolment', {
      currentPassword: made.password,
      totp: nextTotp(made.mfaSecret ?? ''),
    });
    assert.equal(started.status, 200);
  });

  test('the person is told: security events list it, and the next sign-in flags changes since the previous one', async () => {
    const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const first = await signedIn(t.app, made); // establishes a previous sign-in
    made.mfaSecret = await addSecondFactor(t.db, made.user.id);
    const firstView = await first.get<{ security: { eventsSincePreviousSignIn: number } }>('/api/session');
    assert.equal(firstView.body.security.eventsSincePreviousSignIn, 0);
    const started = await first.post<{ secret: string }>('/api/session/mfa/enrolment', {
      currentPassword: made.password,
      totp: nextTotp(made.mfaSecret ?? ''),
    });
    await first.post('/api/session/mfa/enrolment/confirm', { totp: nextTotp(started.body.secret) });
    const later = new TestClient(t.app);
    const view = await later.signIn(made.user.email, made.password, started.body.secret);
    const security = view.body.security as { eventsSincePreviousSignIn: number; previousSignInAt: string | null };
    assert.equal(security.eventsSincePreviousSignIn, 1);
    assert.ok(security.previousSignInAt);
    const events = await later.get<SecurityEvents>('/api/me/security-events');
    assert.deepEqual(events.body.items[0], { ...events.body.items[0], type: 'mfa-replaced', byMe: true });
  });

  test('an admin’s reset and set-password link show up in the person’s security events, naming the admin', async () => {
    const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
    const admin = await signedIn(t.app, adminMade);
    const made = await makeUser(t.db, org.id, { roles: ['case-manager'], mfa: true });
    assert.equal((await admin.post(`/api/users/${made.user.id}/mfa-reset`)).status, 200);
    assert.equal((await admin.post(`/api/users/${made.user.id}/invitations`)).status, 201);
    const person = await signedIn(t.app, { ...made, mfaSecret: null });
    const events = await person.get<SecurityEvents>('/api/me/security-events');
    assert.deepEqual(
      events.body.items.map((e) => [e.type, e.byMe, e.byDisplayName]),
      [
        ['set-password-link-issued', false, adminMade.user.displayName],
        ['mfa-reset', false, adminMade.user.displayName],
      ],
    );
  });
});

test('a first enrolment may send no body at all, as the web app does', async () => {
  const made = await makeUser(t.db, org.id, { roles: ['supervisor'], mfa: false });
  const client = await signedIn(t.app, made);
  const raw = await t.app.inject({
    method: 'POST',
    url: '/api/session/mfa/enrolment',
    headers: { cookie: `bridgeway_session=${client.cookie ?? ''}`, 'x-csrf-token': client.csrfToken ?? '' },
  });
  assert.equal(raw.statusCode, 200, raw.body);
});
