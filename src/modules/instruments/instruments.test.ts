import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, TestClient } from '../../../test/support/client.ts';
import { makeIntegration, makeOrganization, makeUser } from '../../../test/support/factories.ts';
import { instrumentsCommand } from '../../cli/instruments.ts';
import type { Definition } from './definition.ts';

// The catalogue, and instruments an organization loads under its own licence: full AUDIT and
// DAST-10 may not ship, so their tests use definitions with neutral item labels (fixtures/).
const t = await startTestApp();
const org = await makeOrganization(t.db);
const other = await makeOrganization(t.db);
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'], mfa: true }));
const caseManager = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['case-manager'] }));
const outsider = await signedIn(t.app, await makeUser(t.db, other.id, { roles: ['case-manager'] }));
const fixture = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as Definition;

interface Summary {
  key: string;
  version: string;
  builtIn: boolean;
}
const keysOf = (body: Record<string, unknown>) =>
  (body.items as Summary[]).map((item) => `${item.key}@${item.version}${item.builtIn ? '' : ' (loaded)'}`);

test('the catalogue lists the built-in instruments; one instrument comes with its whole definition', async () => {
  const list = await caseManager.get('/api/instruments');
  assert.equal(list.status, 200);
  assert.equal(keysOf(list.body).length, 10);
  const phq9 = await caseManager.get<{ definition: { items: { id: string }[] }; loincPanel: string; builtIn: boolean }>(
    '/api/instruments/phq-9',
  );
  assert.equal(phq9.status, 200);
  assert.equal(phq9.body.loincPanel, '44249-1');
  assert.equal(phq9.body.definition.items.length, 10);
  assert.equal((await caseManager.get('/api/instruments/phq-9?version=2')).status, 404);
  assert.equal((await caseManager.get('/api/instruments/dast-10-fixture')).status, 404);
});

test('an admin loads full AUDIT and DAST-10; they are scored like the built-in ones, and only in that organization', async () => {
  const audit = await admin.post('/api/instruments', fixture('audit-full.json'));
  assert.equal(audit.status, 201, JSON.stringify(audit.body));
  assert.equal(audit.headers.location, '/api/instruments/audit-full?version=1');
  assert.equal((await admin.post('/api/instruments', fixture('dast-10.json'))).status, 201);

  const score = (key: string, answers: Record<string, unknown>) => caseManager.post(`/api/instruments/${key}/score`, { answers });
  const auditAnswers = (values: number[]) => Object.fromEntries(values.map((value, index) => [String(index + 1), value]));
  // Zones 0–7, 8–15, 16–19, 20–40; items 9 and 10 score only 0, 2 or 4.
  const zones: [number[], number, string][] = [
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'low-risk'],
    [[4, 3, 0, 0, 0, 0, 0, 0, 0, 0], 7, 'low-risk'],
    [[4, 4, 0, 0, 0, 0, 0, 0, 0, 0], 8, 'hazardous'],
    [[4, 4, 4, 3, 0, 0, 0, 0, 0, 0], 15, 'hazardous'],
    [[4, 4, 4, 4, 0, 0, 0, 0, 0, 0], 16, 'harmful'],
    [[4, 4, 4, 3, 0, 0, 0, 0, 2, 2], 19, 'harmful'],
    [[4, 4, 4, 4, 0, 0, 0, 0, 2, 2], 20, 'possible-dependence'],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 40, 'possible-dependence'],
  ];
  for (const [values, total, band] of zones) {
    const response = await score('audit-full', auditAnswers(values));
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual([response.body.total, response.body.band], [total, band], values.join());
  }
  const item9 = await score('audit-full', auditAnswers([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]));
  assert.equal(item9.status, 422);
  assert.equal((item9.body.errors as { path: string }[])[0]?.path, '/answers/9');

  // DAST-10: yes scores 1 except item 3, where no does; 0, 1–2, 3–5, 6–8, 9–10.
  const dast = (yes: number[]) =>
    Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), yes.includes(i + 1) ? 'yes' : 'no']));
  const dastCases: [number[], number, string][] = [
    [[3], 0, 'none'],
    [[], 1, 'low'],
    [[1, 3], 1, 'low'],
    [[1, 2], 3, 'moderate'],
    [[1, 2, 4, 5, 6], 6, 'substantial'],
    [[1, 2, 4, 5, 6, 7, 8, 9, 10], 10, 'severe'],
  ];
  for (const [yes, total, band] of dastCases) {
    const response = await score('dast-10-fixture', dast(yes));
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual([response.body.total, response.body.band], [total, band], `yes on ${yes.join()}`);
  }
  const refused = await score('dast-10-fixture', { ...dast([1, 2]), '4': 'refused' });
  assert.equal(refused.body.total, 3, 'a refusal adds nothing');

  assert.deepEqual(
    keysOf((await caseManager.get('/api/instruments')).body)
      .filter((key) => key.includes('loaded'))
      .sort(),
    ['audit-full@1 (loaded)', 'dast-10-fixture@1 (loaded)'],
  );
  assert.equal((await outsider.get('/api/instruments/audit-full')).status, 404);
  assert.equal(
    (await outsider.post('/api/instruments/audit-full/score', { answers: auditAnswers([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) })).status,
    404,
  );

  const trail = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'details'])
    .where('recordType', '=', 'instrument-definition')
    .where('organizationId', '=', org.id)
    .execute();
  assert.equal(trail.length, 2);
});

test('a loaded version never changes, a built-in key cannot be taken, a malformed definition is refused with its reasons', async () => {
  const again = await admin.post('/api/instruments', fixture('audit-full.json'));
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'instrument-version-exists');
  const newer = { ...fixture('audit-full.json'), version: '1.1' };
  assert.equal((await admin.post('/api/instruments', newer)).status, 201);
  assert.equal((await caseManager.get<{ version: string }>('/api/instruments/audit-full')).body.version, '1.1');
  assert.equal((await caseManager.get<{ version: string }>('/api/instruments/audit-full?version=1')).body.version, '1');

  const taken = await admin.post('/api/instruments', { ...fixture('dast-10.json'), key: 'phq-9' });
  assert.equal(taken.status, 409);
  assert.equal(taken.body.code, 'built-in-instrument');

  const broken = fixture('audit-full.json');
  broken.key = 'audit-broken';
  broken.scoring.bands![1]!.min = 9;
  const refused = await admin.post('/api/instruments', broken);
  assert.equal(refused.status, 422);
  assert.equal(refused.body.code, 'invalid-definition');
  assert.deepEqual(refused.body.reasons, ['no band covers totals 8–8']);
  assert.equal((await caseManager.get('/api/instruments/audit-broken')).status, 404);
});

test('only admins load instruments, never with an API key', async () => {
  const response = await caseManager.post('/api/instruments', { ...fixture('dast-10.json'), key: 'dast-by-cm' });
  assert.equal(response.status, 403);
  const integration = await makeIntegration(t.db, org.id);
  const key = await admin.post<{ secret: string }>('/api/api-keys', {
    userId: integration.id,
    name: 'feed',
    expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  assert.equal(key.status, 201, JSON.stringify(key.body));
  const client = new TestClient(t.app);
  client.bearer = key.body.secret;
  assert.equal((await client.post('/api/instruments/phq-2/score', { answers: { '1': 1, '2': 2 } })).body.positive, true, 'keys may score');
  assert.equal((await client.post('/api/instruments', { ...fixture('dast-10.json'), key: 'dast-by-key' })).status, 403);
});

test('bridgeway instruments import loads a file for an organization, checked the same way', async () => {
  const dir = path.join(import.meta.dirname, 'fixtures');
  const logged: string[] = [];
  const original = { log: console.log, error: console.error };
  console.log = (line: string) => logged.push(line);
  console.error = (line: string) => logged.push(line);
  try {
    assert.equal(await instrumentsCommand(t.db, ['import', path.join(dir, 'dast-10.json'), '--organization', other.name]), 0);
    assert.equal(await instrumentsCommand(t.db, ['import', path.join(dir, 'dast-10.json'), '--organization', other.name]), 1);
    assert.equal(await instrumentsCommand(t.db, ['import', path.join(dir, 'missing.json'), '--organization', other.name]), 1);
    assert.equal(await instrumentsCommand(t.db, ['export']), 64);
  } finally {
    Object.assign(console, original);
  }
  assert.match(logged[0] ?? '', /Loaded DAST-10 version 1/);
  assert.match(logged[1] ?? '', /already loaded/);
  assert.equal((await outsider.get('/api/instruments/dast-10-fixture')).status, 200);
});
