import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';
import { CASE_MANAGEMENT_MODELS } from './models.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'], mfa: true }));
const caseManager = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));

test('every case management model can be chosen; anything else is refused naming the field', async () => {
  for (const model of CASE_MANAGEMENT_MODELS) {
    const response = await admin.post('/api/programs', { name: `Program ${model}`, caseManagementModel: model });
    assert.equal(response.status, 201, model);
    assert.equal(response.body.caseManagementModel, model);
  }
  const bad = await admin.post('/api/programs', { name: 'Bad', caseManagementModel: 'wraparound' });
  assert.equal(bad.status, 400);
  assert.equal((bad.body.errors as { path: string }[])[0]?.path, '/caseManagementModel');
});

test('names are unique per organization (case-insensitive) and a removed program frees its name', async () => {
  const first = await admin.post('/api/programs', { name: 'Rural CHW', caseManagementModel: 'community-health-worker' });
  assert.equal(first.status, 201);
  const twin = await admin.post('/api/programs', { name: 'rural chw', caseManagementModel: 'community-health-worker' });
  assert.equal(twin.status, 409);
  assert.equal((await admin.delete(`/api/programs/${first.body.id as string}`)).status, 204);
  assert.equal((await admin.get(`/api/programs/${first.body.id as string}`)).status, 404);
  const row = await t.db
    .selectFrom('programs')
    .select('deletedAt')
    .where('id', '=', first.body.id as string)
    .executeTakeFirstOrThrow();
  assert.ok(row.deletedAt, 'deletion is soft');
  assert.equal((await admin.post('/api/programs', { name: 'Rural CHW', caseManagementModel: 'community-health-worker' })).status, 201);
  const trail = await t.db
    .selectFrom('auditEvents')
    .select('action')
    .where('recordId', '=', first.body.id as string)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    trail.map((r) => r.action),
    ['create', 'delete'],
  );
});

test('edits need the version; staff can read programs but not change them', async () => {
  const created = await admin.post('/api/programs', { name: 'OBOT', caseManagementModel: 'nurse-care-manager' });
  const id = created.body.id as string;
  const edited = await admin.patch(`/api/programs/${id}`, { version: 1, description: 'Buprenorphine clinic' });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.version, 2);
  assert.equal((await admin.patch(`/api/programs/${id}`, { version: 1, description: 'stale' })).status, 409);
  assert.equal((await caseManager.get(`/api/programs/${id}`)).status, 200);
  assert.equal((await caseManager.patch(`/api/programs/${id}`, { version: 2, name: 'Mine now' })).status, 403);
  assert.equal((await caseManager.post('/api/programs', { name: 'Mine', caseManagementModel: 'broker-generalist' })).status, 403);
});
