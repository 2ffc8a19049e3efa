import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, TestClient } from '../../../test/support/client.ts';
import { makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id, { name: 'Outpatient' });
const adminMade = await makeUser(t.db, org.id, { roles: ['admin'], mfa: true });
const admin = await signedIn(t.app, adminMade);

interface UserBody {
  id: string;
  version: number;
  roles: string[];
  programIds: string[];
  status: string;
  email: string;
}

async function audits(recordId: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'actorUserId', 'details'])
    .where('recordId', '=', recordId)
    .orderBy('seq')
    .execute();
}

describe('staff administration', () => {
  test('an admin invites a case manager, who sets a password from the link and signs in', async () => {
    const created = await admin.post<{ user: UserBody; invitationUrl: string }>('/api/users', {
      email: 'New.Person@Example.org',
      displayName: 'New Person',
      roles: ['case-manager'],
      programIds: [program.id],
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.location, `/api/users/${created.body.user.id}`);
    assert.equal(created.body.user.email, 'new.person@example.org');
    assert.equal(created.body.user.status, 'invited');
    assert.deepEqual(created.body.user.programIds, [program.id]);
    const token = created.body.invitationUrl.split('/invitations/')[1] ?? '';
    assert.ok(token.length > 30);

    const visitor = new TestClient(t.app);
    const view = await visitor.get(`/api/invitations/${token}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.displayName, 'New Person');
    assert.equal(view.body.organizationName, org.name);
    assert.equal(view.body.purpose, 'invitation');
    const short = await visitor.post(`/api/invitations/${token}/acceptance`, { password: 'too short' });
    assert.equal(short.status, 400);
    assert.equal((short.body.errors as { path: string }[])[0]?.path, '/password');
    const common = await visitor.post(`/api/invitations/${token}/acceptance`, { password: 'password1234' });
    assert.equal(common.status, 400);
    assert.match(String((common.body.errors as { message: string }[])[0]?.message), /common password/);
    assert.equal((await visitor.get('/api/invitations/cut-short')).status, 404, 'a link cut short is like an expired one');
    assert.equal((await visitor.post(`/api/invitations/${token}/acceptance`, { password: 'my own long passphrase' })).status, 204);
    assert.equal((await visitor.get(`/api/invitations/${token}`)).status, 404, 'a link works once');
    const session = await visitor.signIn('new.person@example.org', 'my own long passphrase');
    assert.equal(session.body.stage, 'active');

    const trail = await audits(created.body.user.id);
    assert.deepEqual(
      trail.map((row) => [row.action, row.details.change ?? null]),
      [
        ['create', null],
        ['update', 'invitation-accepted'],
      ],
    );
    assert.equal(trail[0]?.actorUserId, adminMade.user.id);
  });

  test('a duplicate email is 409; an unknown program is 422 naming programIds; bad input is 400 naming the field', async () => {
    const existing = await makeUser(t.db, org.id);
    const duplicate = await admin.post('/api/users', { email: existing.user.email, displayName: 'Twin', roles: ['counselor'] });
    assert.equal(duplicate.status, 409);
    assert.equal((duplicate.body.errors as { path: string }[])[0]?.path, '/email');
    const badProgram = await admin.post('/api/users', {
      email: 'x1@example.org',
      displayName: 'X',
      roles: ['counselor'],
      programIds: ['0190d2d6-0000-7000-8000-000000000000'],
    });
    assert.equal(badProgram.status, 422);
    assert.equal((badProgram.body.errors as { path: string }[])[0]?.path, '/programIds');
    const badRole = await admin.post('/api/users', { email: 'x2@example.org', displayName: 'X', roles: ['wizard'] });
    assert.equal(badRole.status, 400);
    assert.match((badRole.body.errors as { path: string }[])[0]?.path ?? '', /^\/roles\/0/);
    const noRoles = await admin.post('/api/users', { email: 'x3@example.org', displayName: 'X', roles: [] });
    assert.equal(noRoles.status, 400);
    const count = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'in', ['x1@example.org', 'x2@example.org', 'x3@example.org'])
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  test('roles and programs change with the version read; a stale version is 409 with the current one and writes nothing', async () => {
    const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const first = await admin.patch<UserBody>(`/api/users/${person.user.id}`, {
      version: 1,
      roles: ['case-manager', 'supervisor'],
      programIds: [program.id],
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 2);
    assert.equal(first.headers.etag, '"2"');
    assert.deepEqual(first.body.roles, ['case-manager', 'supervisor']);
    const stale = await admin.patch(`/api/users/${person.user.id}`, { version: 1, roles: ['counselor'] });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.type, '/api/problems/stale-version');
    assert.equal(stale.body.currentVersion, 2);
    const viaIfMatch = await admin.patch<UserBody>(
      `/api/users/${person.user.id}`,
      { displayName: 'Renamed' },
      { headers: { 'if-match': '"2"' } },
    );
    assert.equal(viaIfMatch.status, 200);
    const row = await t.db.selectFrom('users').select(['roles', 'version']).where('id', '=', person.user.id).executeTakeFirstOrThrow();
    assert.deepEqual(row.roles, ['case-manager', 'supervisor']);
    assert.equal(row.version, 3);
    const noVersion = await admin.patch(`/api/users/${person.user.id}`, { displayName: 'No version' });
    assert.equal(noVersion.status, 400);
    assert.equal((noVersion.body.errors as { path: string }[])[0]?.path, '/version');
  });

  test('deactivation ends the person’s sessions, is audited, and reactivation restores access', async () => {
    const person = await makeUser(t.db, org.id);
    const theirs = await signedIn(t.app, person);
    const deactivated = await admin.post<UserBody>(`/api/users/${person.user.id}/deactivation`, { version: 1 });
    assert.equal(deactivated.status, 200);
    assert.equal(deactivated.body.status, 'deactivated');
    assert.equal((await theirs.get('/api/session')).status, 401);
    assert.equal((await new TestClient(t.app).post('/api/session', { email: person.user.email, password: person.password })).status, 401);
    const again = await admin.post(`/api/users/${person.user.id}/deactivation`, { version: 2 });
    assert.equal(again.status, 409);
    const reactivated = await admin.post<UserBody>(`/api/users/${person.user.id}/reactivation`, { version: 2 });
    assert.equal(reactivated.body.status, 'active');
    await new TestClient(t.app).signIn(person.user.email, person.password);
    const changes = (await audits(person.user.id)).filter((row) => row.action === 'update').map((row) => row.details.change);
    assert.deepEqual(changes, ['deactivated', 'reactivated']);
  });

  test('the last active admin cannot be deactivated or lose the admin role; an admin cannot deactivate themselves', async () => {
    const lone = await makeOrganization(t.db);
    const soleAdmin = await makeUser(t.db, lone.id, { roles: ['admin'], mfa: true });
    const client = await signedIn(t.app, soleAdmin);
    const self = await client.post(`/api/users/${soleAdmin.user.id}/deactivation`, { version: 1 });
    assert.equal(self.status, 422);
    const demote = await client.patch(`/api/users/${soleAdmin.user.id}`, { version: 1, roles: ['supervisor'] });
    assert.equal(demote.status, 422);
    const row = await t.db.selectFrom('users').select(['roles', 'status']).where('id', '=', soleAdmin.user.id).executeTakeFirstOrThrow();
    assert.deepEqual(row.roles, ['admin']);
  });

  test('two admins demoting each other at the same moment still leave one admin', async () => {
    const pair = await makeOrganization(t.db);
    const a = await makeUser(t.db, pair.id, { roles: ['admin'], mfa: true });
    const b = await makeUser(t.db, pair.id, { roles: ['admin'], mfa: true });
    const [clientA, clientB] = await Promise.all([signedIn(t.app, a), signedIn(t.app, b)]);
    const answers = await Promise.all([
      clientA.patch(`/api/users/${b.user.id}`, { version: 1, roles: ['supervisor'] }),
      clientB.patch(`/api/users/${a.user.id}`, { version: 1, roles: ['supervisor'] }),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 422]);
    const admins = await t.db
      .selectFrom('users')
      .select('id')
      .where('organizationId', '=', pair.id)
      .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
      .execute();
    assert.equal(admins.length, 1);
  });

  test('a set-password link is the way out of a lockout; deactivation revokes API keys for good', async () => {
    const person = await makeUser(t.db, org.id);
    for (let i = 0; i < 5; i++)
      await new TestClient(t.app).post('/api/session', { email: person.user.email, password: `wrong guess ${i}` });
    assert.equal((await new TestClient(t.app).post('/api/session', { email: person.user.email, password: person.password })).status, 429);
    const link = await admin.post<{ invitationUrl: string }>(`/api/users/${person.user.id}/invitations`);
    const token = link.body.invitationUrl.split('/invitations/')[1] ?? '';
    assert.equal(
      (await new TestClient(t.app).post(`/api/invitations/${token}/acceptance`, { password: 'a fresh long passphrase' })).status,
      204,
    );
    await new TestClient(t.app).signIn(person.user.email, 'a fresh long passphrase');

    const key = await admin.post<{ secret: string }>('/api/api-keys', {
      userId: person.user.id,
      name: 'sync',
      expiresOn: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
    });
    const current = await t.db.selectFrom('users').select('version').where('id', '=', person.user.id).executeTakeFirstOrThrow();
    await admin.post(`/api/users/${person.user.id}/deactivation`, { version: current.version });
    await admin.post(`/api/users/${person.user.id}/reactivation`, { version: current.version + 1 });
    const keyClient = new TestClient(t.app);
    keyClient.bearer = key.body.secret;
    assert.equal((await keyClient.get('/api/programs')).status, 401, 'the old key stays revoked');
  });

  test('an admin can reset a second factor: the person is signed out and enrols again', async () => {
    const person = await makeUser(t.db, org.id, { roles: ['admin'], mfa: true });
    const theirs = await signedIn(t.app, person);
    const reset = await admin.post<UserBody & { mfaEnabled: boolean }>(`/api/users/${person.user.id}/mfa-reset`);
    assert.equal(reset.status, 200);
    assert.equal(reset.body.mfaEnabled, false);
    assert.equal((await theirs.get('/api/session')).status, 401);
    const back = await new TestClient(t.app).signIn(person.user.email, person.password);
    assert.equal(back.body.stage, 'mfa-enrolment');
  });

  test('someone made an admin must enrol a second factor before their existing session can do anything else', async () => {
    const person = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const theirs = await signedIn(t.app, person);
    assert.equal((await admin.patch(`/api/users/${person.user.id}`, { version: 1, roles: ['case-manager', 'admin'] })).status, 200);
    const blocked = await theirs.post('/api/programs', { name: 'Sneaky', caseManagementModel: 'broker-generalist' });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.type, '/api/problems/mfa-enrolment-required');
    assert.equal((await theirs.get('/api/session')).body.stage, 'mfa-enrolment');
  });

  test('a new set-password link replaces the old one', async () => {
    const created = await admin.post<{ user: UserBody; invitationUrl: string }>('/api/users', {
      email: 'relink@example.org',
      displayName: 'Relink',
      roles: ['counselor'],
    });
    const oldToken = created.body.invitationUrl.split('/invitations/')[1] ?? '';
    const reissued = await admin.post<{ invitationUrl: string }>(`/api/users/${created.body.user.id}/invitations`);
    assert.equal(reissued.status, 201);
    assert.equal((await admin.get(`/api/invitations/${oldToken}`)).status, 404);
    assert.equal((await admin.get(`/api/invitations/${reissued.body.invitationUrl.split('/invitations/')[1] ?? ''}`)).status, 200);
  });

  test('a supervisor may list staff but not change them; a case manager may do neither', async () => {
    const supervisor = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['supervisor'] }));
    const caseManager = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));
    assert.equal((await supervisor.get('/api/users')).status, 200);
    assert.equal((await supervisor.post('/api/users', { email: 'no@example.org', displayName: 'No', roles: ['counselor'] })).status, 403);
    assert.equal((await caseManager.get('/api/users')).status, 403);
  });

  test('the staff list searches by name or email and pages with a cursor', async () => {
    const tenant = await makeOrganization(t.db);
    const tenantAdmin = await makeUser(t.db, tenant.id, { roles: ['admin'], mfa: true, displayName: 'Zed Admin' });
    for (const name of ['Ana Pérez', 'Ana Smith', 'Bob Jones', 'Carla Ana-Ruiz']) await makeUser(t.db, tenant.id, { displayName: name });
    const client = await signedIn(t.app, tenantAdmin);
    const found = await client.get<{ items: UserBody[] }>('/api/users?q=ana');
    assert.deepEqual(
      found.body.items.map((u) => (u as unknown as { displayName: string }).displayName),
      ['Ana Pérez', 'Ana Smith', 'Carla Ana-Ruiz'],
    );
    const first = await client.get<{ items: { displayName: string }[]; nextCursor: string }>('/api/users?limit=2');
    assert.equal(first.body.items.length, 2);
    const second = await client.get<{ items: { displayName: string }[]; nextCursor: string | null }>(
      `/api/users?limit=2&cursor=${first.body.nextCursor}`,
    );
    const third = await client.get<{ items: { displayName: string }[]; nextCursor: string | null }>(
      `/api/users?limit=2&cursor=${second.body.nextCursor}`,
    );
    const names = [...first.body.items, ...second.body.items, ...third.body.items].map((u) => u.displayName);
    assert.deepEqual(names, ['Ana Pérez', 'Ana Smith', 'Bob Jones', 'Carla Ana-Ruiz', 'Zed Admin']);
    assert.equal(third.body.nextCursor, null);
    assert.equal((await client.get('/api/users?cursor=garbage')).status, 400);
    assert.equal((await client.get('/api/users?limit=500')).status, 400);
  });
});
