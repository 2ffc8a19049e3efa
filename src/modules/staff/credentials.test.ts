import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, TestClient } from '../../../test/support/client.ts';
import { makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';

/** What no admin may do to their own account, and what an email reveals across organizations. */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
const admin = await signedIn(t.app, adminMade);
await makeUser(t.db, org.id, { roles: ['admin'] }); // a second admin, so "last admin" is not why

test('nobody resets their own second factor, issues their own set-password link, or changes their own roles or programs', async () => {
  const me = adminMade.user.id;
  const reset = await admin.post(`/api/users/${me}/mfa-reset`);
  assert.equal(reset.status, 422);
  assert.equal(reset.body.code, 'own-account');
  const link = await admin.post(`/api/users/${me}/invitations`);
  assert.equal(link.status, 422);
  assert.equal(link.body.code, 'own-account');
  const roles = await admin.patch(`/api/users/${me}`, { version: 1, roles: ['admin', 'supervisor'] });
  assert.equal(roles.status, 422);
  assert.deepEqual(roles.body.errors, [{ path: '/roles', code: 'own-account', message: 'cannot be changed on your own account' }]);
  const programs = await admin.patch(`/api/users/${me}`, { version: 1, programIds: [program.id] });
  assert.equal(programs.status, 422);
  assert.deepEqual(programs.body.errors, [{ path: '/programIds', code: 'own-account', message: 'cannot be changed on your own account' }]);
  const row = await t.db
    .selectFrom('users')
    .select(['roles', 'version', 'mfaSecret', 'invitationTokenHash'])
    .where('id', '=', me)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row.roles, ['admin']);
  assert.equal(row.version, 1);
  assert.ok(row.mfaSecret, 'the second factor is still there');
  assert.equal(row.invitationTokenHash, null);
  // Unchanged values (a form that sends every field) and one's own name are fine.
  const same = await admin.patch(`/api/users/${me}`, { version: 1, roles: ['admin'], programIds: [], displayName: 'Avery Renamed' });
  assert.equal(same.status, 200, JSON.stringify(same.body));
});

test('an email is unique within an organization; another organization’s use of it is not revealed', async () => {
  const other = await makeOrganization(t.db);
  const elsewhere = await makeUser(t.db, other.id, { email: 'shared.person@example.org', password: 'another org passphrase' });
  const created = await admin.post<{ user: { id: string } }>('/api/users', {
    email: 'Shared.Person@example.org',
    displayName: 'Same Address',
    roles: ['case-manager'],
  });
  assert.equal(created.status, 201, 'an address used in another organization is simply accepted');
  const duplicate = await admin.post('/api/users', { email: 'shared.person@example.org', displayName: 'Again', roles: ['case-manager'] });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.code, 'email-taken');
  // Each person signs in with their own password into their own organization.
  await t.db
    .updateTable('users')
    .set({ passwordHash: elsewhere.user.passwordHash, status: 'active' })
    .where('id', '=', created.body.user.id)
    .execute();
  const client = new TestClient(t.app);
  const ambiguous = await client.post<{ code: string; organizations: { id: string; name: string }[] }>('/api/session', {
    email: 'shared.person@example.org',
    password: 'another org passphrase',
  });
  assert.equal(ambiguous.status, 409, 'the same password opens both: the person chooses');
  assert.equal(ambiguous.body.code, 'choose-organization');
  assert.deepEqual(ambiguous.body.organizations.map((o) => o.id).sort(), [org.id, other.id].sort());
  const chosen = await client.post<{ user: { id: string } }>('/api/session', {
    email: 'shared.person@example.org',
    password: 'another org passphrase',
    organizationId: other.id,
  });
  assert.equal(chosen.status, 200);
  assert.equal(chosen.body.user.id, elsewhere.user.id);
  // A different password picks its own account without asking.
  const mine = await makeUser(t.db, org.id, { email: 'twice@example.org', password: 'my own passphrase here' });
  await makeUser(t.db, other.id, { email: 'twice@example.org', password: 'their own passphrase here' });
  const signIn = await new TestClient(t.app).post<{ user: { id: string } }>('/api/session', {
    email: 'twice@example.org',
    password: 'my own passphrase here',
  });
  assert.equal(signIn.body.user.id, mine.user.id);
});
