import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { setupCodeRequired } from './service.ts';

const t = await startTestApp();

const body = (email: string) => ({
  organizationName: 'Mountain Valley Recovery Services',
  timeZone: 'America/Denver',
  adminName: 'Avery Admin',
  adminEmail: email,
  adminPassword: 'first admin passphrase',
  locale: 'es',
});

test('first run: setup is offered, creates the organization and its admin once, and is refused after', async () => {
  const visitor = new TestClient(t.app);
  assert.deepEqual((await visitor.get('/api/setup')).body, { setupRequired: true, setupCodeRequired: false });
  const invalid = await visitor.post('/api/setup', { ...body('not-an-email'), timeZone: 'Mars/Olympus', adminPassword: 'short' });
  assert.equal(invalid.status, 400);
  const paths = (invalid.body.errors as { path: string }[]).map((e) => e.path).sort();
  assert.deepEqual(paths, ['/adminEmail', '/adminPassword']);
  const badZone = await visitor.post('/api/setup', { ...body('avery@example.org'), timeZone: 'Mars/Olympus' });
  assert.equal(badZone.status, 400);
  assert.equal((badZone.body.errors as { path: string }[])[0]?.path, '/timeZone');

  // Two racing first runs: exactly one wins.
  const [a, b] = await Promise.all([
    visitor.post('/api/setup', body('avery@example.org')),
    visitor.post('/api/setup', body('other@example.org')),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [201, 409]);
  assert.deepEqual((await visitor.get('/api/setup')).body, { setupRequired: false, setupCodeRequired: false });
  const again = await visitor.post('/api/setup', body('third@example.org'));
  assert.equal(again.status, 409);
  const orgs = await t.db.selectFrom('organizations').selectAll().execute();
  assert.equal(orgs.length, 1);
  assert.equal(orgs[0]?.defaultLocale, 'es');
  const admins = await t.db.selectFrom('users').select(['email', 'roles', 'status', 'locale']).execute();
  assert.equal(admins.length, 1);
  assert.deepEqual(admins[0]?.roles, ['admin']);

  // The admin signs in and must enrol a second factor first.
  const winner = a.status === 201 ? 'avery@example.org' : 'other@example.org';
  const session = await visitor.signIn(winner, 'first admin passphrase');
  assert.equal(session.body.stage, 'mfa-enrolment');
  const trail = await t.db.selectFrom('auditEvents').select(['action', 'recordType']).orderBy('seq').execute();
  assert.deepEqual(trail.slice(0, 2), [
    { action: 'create', recordType: 'organization' },
    { action: 'create', recordType: 'user' },
  ]);
});

test('a server reachable from other machines asks for the one-time setup code printed in its log', async () => {
  const logs = new PassThrough();
  let logged = '';
  logs.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
  const exposed = await startTestApp({ host: '0.0.0.0' }, { logStream: logs });
  const code = /"setupCode":"([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})"/.exec(logged)?.[1];
  assert.ok(code, 'the code is in the log');
  const visitor = new TestClient(exposed.app);
  assert.deepEqual((await visitor.get('/api/setup')).body, { setupRequired: true, setupCodeRequired: true });
  for (const setupCode of [undefined, '0000-0000-0000']) {
    const refused = await visitor.post('/api/setup', { ...body('first@example.org'), ...(setupCode ? { setupCode } : {}) });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'wrong-setup-code');
  }
  assert.equal((await exposed.db.selectFrom('organizations').select('id').execute()).length, 0);
  const done = await visitor.post('/api/setup', { ...body('first@example.org'), setupCode: code.toLowerCase() });
  assert.equal(done.status, 201, JSON.stringify(done.body));
  // Bound to this machine (the default), no code is asked.
  assert.equal(setupCodeRequired('127.0.0.1') || setupCodeRequired('::1') || setupCodeRequired('localhost'), false);
});
