import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp } from '../support/app.ts';
import { signedIn } from '../support/client.ts';
import { makeOrganization, makeProgram, makeUser } from '../support/factories.ts';

/**
 * How the server delivers the web app and the API over a slow connection (issue 12): the
 * build's brotli and gzip copies chosen by Accept-Encoding, year-long caching only for hashed
 * files, source maps only when asked for, and API answers compressed without losing their
 * problem type, their ETag or `no-store`.
 */
const dist = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-web-delivery-'));
after(() => rmSync(dist, { recursive: true, force: true }));
const script = `console.log(${JSON.stringify('Bridgeway '.repeat(400))});\n`;
const shell = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>';
function writeWithCopies(file: string, content: string): void {
  writeFileSync(path.join(dist, file), content);
  writeFileSync(path.join(dist, `${file}.br`), brotliCompressSync(content));
  writeFileSync(path.join(dist, `${file}.gz`), gzipSync(content));
}
mkdirSync(path.join(dist, 'assets'));
writeWithCopies('index.html', shell);
writeWithCopies('assets/index-abc123.js', script);
writeFileSync(path.join(dist, 'assets/index-abc123.js.map'), '{"version":3,"sources":["main.tsx"],"mappings":""}');
writeWithCopies('sw.js', `self.addEventListener('install', () => {}); // ${'x'.repeat(2000)}`);

const plain = await startTestApp({ webDist: dist });
const withMaps = await startTestApp({ webDist: dist, serveSourceMaps: true });

const t = plain;
const org = await makeOrganization(t.db);
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'], mfa: true }));
const program = await makeProgram(t.db, org.id);
const description = 'Links adults in outpatient treatment to housing, benefits and care. '.repeat(25);
const updated = await admin.request('PATCH', `/api/programs/${program.id}`, { description, version: 1 });
assert.equal(updated.status, 200, JSON.stringify(updated.body));
const authHeaders = () => ({ cookie: `bridgeway_session=${admin.cookie}`, 'accept-encoding': 'br, gzip' });

describe('the web app’s files', () => {
  test('a hashed asset comes as brotli when accepted, cached for a year as immutable, varying on Accept-Encoding', async () => {
    const response = await plain.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.match(String(response.headers['content-type']), /javascript/);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(response.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(response.rawPayload).toString('utf8'), script);
    assert.ok(response.rawPayload.length < script.length / 10, `brotli sent ${response.rawPayload.length} bytes of ${script.length}`);
  });

  test('gzip for a browser without brotli, the plain file for one that accepts neither', async () => {
    const gzipped = await plain.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzipped.rawPayload).toString('utf8'), script);
    const identity = await plain.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.equal(identity.body, script);
    assert.match(String(identity.headers.vary), /accept-encoding/i);
  });

  test('the page shell and the service worker are revalidated on every visit, so a new version is seen at once', async () => {
    for (const url of ['/', '/caseload', '/patients/0190f1e2-0000-7000-8000-000000000000', '/index.html', '/sw.js']) {
      const response = await plain.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], 'no-cache', url);
      assert.equal(response.headers['content-encoding'], 'br', url);
      assert.match(String(response.headers.vary), /accept-encoding/i, url);
    }
    const page = await plain.app.inject({ url: '/caseload', headers: { 'accept-encoding': 'br' } });
    assert.equal(brotliDecompressSync(page.rawPayload).toString('utf8'), shell);
  });

  test('a hashed file that is not there is a 404 problem, never the page shell', async () => {
    const response = await plain.app.inject({ url: '/assets/index-old999.js' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.notEqual(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('source maps are not served, and the compressed copies are not files of their own', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-abc123.js.br', '/assets/index-abc123.js.gz']) {
      const response = await plain.app.inject({ url });
      assert.equal(response.statusCode, 404, url);
    }
    const script = await plain.app.inject({ url: '/assets/index-abc123.js' });
    assert.equal(script.headers.sourcemap, undefined);
  });

  test('with BRIDGEWAY_SOURCE_MAPS=true the maps are served and the scripts point at them', async () => {
    const map = await withMaps.app.inject({ url: '/assets/index-abc123.js.map' });
    assert.equal(map.statusCode, 200);
    assert.equal((JSON.parse(map.body) as { version: number }).version, 3);
    const script = await withMaps.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(script.headers.sourcemap, '/assets/index-abc123.js.map');
  });
});

describe('API answers', () => {
  test('one of 1 KB or more is compressed, keeps its record ETag and no-store', async () => {
    const response = await t.app.inject({ url: `/api/programs/${program.id}`, headers: authHeaders() });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(response.headers.etag, '"2"');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(String(response.headers.vary), /accept-encoding/i);
    const body = JSON.parse(brotliDecompressSync(response.rawPayload).toString('utf8')) as { description: string };
    assert.equal(body.description, description);
    // The ETag still works for If-Match: a stale one is refused, the current one accepted.
    const stale = await admin.request('DELETE', `/api/programs/${program.id}`, undefined, { headers: { 'if-match': '"1"' } });
    assert.equal(stale.status, 409);
  });

  test('a small answer is sent as it is: compressing it would cost more than it saves', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], undefined);
  });

  test('a large problem document stays application/problem+json once compressed', async () => {
    const unknownFields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`unknownField${i}`, 'x']));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: { ...authHeaders(), 'x-csrf-token': String(admin.csrfToken), 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      payload: { name: 'Anything', caseManagementModel: 'broker-generalist', ...unknownFields },
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.equal(response.headers['cache-control'], 'no-store');
    const problem = JSON.parse(gunzipSync(response.rawPayload).toString('utf8')) as { type: string; errors: unknown[] };
    assert.equal(problem.type, '/api/problems/validation');
    assert.equal(problem.errors.length, 40);
  });

  test('a request body sent compressed is not inflated: the body size limit counts what arrives', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: {
        ...authHeaders(),
        'x-csrf-token': String(admin.csrfToken),
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      payload: gzipSync(JSON.stringify({ name: 'Zipped', caseManagementModel: 'broker-generalist' })),
    });
    assert.equal(response.statusCode, 400);
    const rows = await t.db.selectFrom('programs').select('id').where('name', '=', 'Zipped').execute();
    assert.equal(rows.length, 0);
  });
});
