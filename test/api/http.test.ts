import assert from 'node:assert/strict';
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../src/lib/auth/sessions.ts';
import { startTestApp } from '../support/app.ts';
import { testEnv } from '../support/db.ts';
import { signedIn, TestClient } from '../support/client.ts';
import { makeOrganization, makeUser } from '../support/factories.ts';
import { pollUntil } from '../support/wait.ts';

/** A TCP relay between the app and PostgreSQL that a test can cut and restore. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let accepting = true;
  const server = net.createServer((client) => {
    if (!accepting) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: () => {
      accepting = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore: () => {
      accepting = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The app reaches PostgreSQL through a relay, so the readiness test can cut the database off.
const relay = await startRelay(new URL(testEnv().adminUrl));
after(() => relay.close());
const logs = new PassThrough();
const logLines: string[] = [];
logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
const t = await startTestApp(
  // Request lines are at debug (src/lib/http/request-log.ts).
  { trustProxy: 1, logLevel: 'debug' },
  {
    logStream: logs,
    databaseUrl: (url) => {
      const viaRelay = new URL(url);
      viaRelay.hostname = '127.0.0.1';
      viaRelay.port = String(relay.port);
      return viaRelay.toString();
    },
  },
);
const org = await makeOrganization(t.db);
const made = await makeUser(t.db, org.id, { roles: ['admin'], mfa: true, displayName: 'Wilhelmina Quartermaine' });
const admin = await signedIn(t.app, made);

describe('answers are problem documents', () => {
  test('a malformed URL escape is a 400 problem document, not Fastify’s own answer', async () => {
    for (const url of ['/api/users/%E0%A4%A', '/api/patients/%zz', '/api/%']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/, url);
      const problem = response.json<{ type: string; code: string; status: number }>();
      assert.deepEqual([problem.type, problem.code, problem.status], ['/api/problems/validation', 'malformed-url', 400], url);
    }
  });

  test('behind one trusted proxy, the client address is the one it forwarded; a forged extra hop is not believed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-for': '192.0.2.1, 198.51.100.23' },
      remoteAddress: '10.0.0.2',
      payload: { email: 'forwarded@example.org', password: 'a wrong password here' },
    });
    assert.equal(response.statusCode, 401);
    const row = await t.db
      .selectFrom('auditEvents')
      .select('ip')
      .where('action', '=', 'sign-in-failure')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.ip, '198.51.100.23', 'the nearest hop’s client, not the address the client claimed for itself');
  });

  test('an unknown field is 400 naming it; nothing is written', async () => {
    const response = await admin.post('/api/programs', { name: 'X', caseManagementModel: 'broker-generalist', color: 'red' });
    assert.equal(response.status, 400);
    assert.equal(response.body.type, '/api/problems/validation');
    assert.equal(response.body.code, 'validation');
    assert.deepEqual(response.body.errors, [{ path: '/color', message: 'is not a known field', code: 'unknown-field' }]);
    const rows = await t.db.selectFrom('programs').select('id').where('name', '=', 'X').execute();
    assert.equal(rows.length, 0);
  });

  test('every field error carries a code and the values its message names, for the client to say in its own words', async () => {
    const cases: [label: string, body: object, error: object][] = [
      [
        'too long',
        { name: 'x'.repeat(201), caseManagementModel: 'broker-generalist' },
        { path: '/name', code: 'too-long', params: { max: 200 } },
      ],
      ['missing', { caseManagementModel: 'broker-generalist' }, { path: '/name', code: 'required' }],
      ['not a code', { name: 'Y', caseManagementModel: 'magic' }, { path: '/caseManagementModel', code: 'enum' }],
      ['a NUL byte', { name: 'Nul\u0000Program', caseManagementModel: 'broker-generalist' }, { path: '/name', code: 'control-characters' }],
    ];
    for (const [label, body, error] of cases) {
      const response = await admin.post<{ errors: object[] }>('/api/programs', body);
      assert.equal(response.status, 400, label);
      const { message: _message, ...coded } = response.body.errors[0] as { message: string };
      assert.deepEqual(coded, error, label);
    }
    const search = await admin.get('/api/patients?q=ab%00cd');
    assert.equal(search.status, 400, 'a NUL in a query is a 400, not a 500');
  });

  test('a field of the wrong type is 400 naming it, never coerced', async () => {
    const response = await admin.post('/api/programs', { name: 42, caseManagementModel: 'broker-generalist' });
    assert.equal(response.status, 400);
    assert.equal((response.body.errors as { path: string }[])[0]?.path, '/name');
  });

  test('malformed JSON is 400, an oversized body 413, a wrong content type 415; none is a 5xx', async () => {
    const headers = {
      'content-type': 'application/json',
      cookie: `bridgeway_session=${admin.cookie ?? ''}`,
      'x-csrf-token': admin.csrfToken ?? '',
    };
    const malformed = await t.app.inject({ method: 'POST', url: '/api/programs', headers, payload: '{"name": "X",' });
    assert.equal(malformed.statusCode, 400);
    assert.match(String(malformed.headers['content-type']), /problem\+json/);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/programs',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json<{ type: string }>().type, '/api/problems/payload-too-large');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<program/>',
    });
    assert.equal(xml.statusCode, 415);
    const badId = await admin.get('/api/programs/not-a-uuid');
    assert.equal(badId.status, 400);
    assert.equal((badId.body.errors as { path: string }[])[0]?.path, '/params/id');
  });

  test('an unknown API route is a 404 problem; not signed in is 401', async () => {
    const missing = await admin.get('/api/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.type, '/api/problems/not-found');
    const anonymous = await new TestClient(t.app).get('/api/users');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.type, '/api/problems/unauthenticated');
  });
});

describe('every answer', () => {
  test('carries a request id: the client’s when sane, a new one otherwise', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'client-abc-123' } });
    assert.equal(mine.headers['x-request-id'], 'client-abc-123');
    const insane = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'bad id with spaces <script>' } });
    assert.match(String(insane.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('has security headers; HSTS only over TLS (here: a trusted proxy saying https)', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(plain.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(plain.headers['x-content-type-options'], 'nosniff');
    assert.equal(plain.headers['x-frame-options'], 'DENY');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const tls = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(tls.headers['strict-transport-security']), /max-age=\d+/);
  });

  test('a session cookie set over TLS is Secure', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: made.user.email, password: made.password, totp: '000000' },
    });
    assert.equal(response.statusCode, 401); // wrong code on purpose: we only look at a success's cookie below
    const user = await makeUser(t.db, org.id, { roles: ['counselor'] });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: user.user.email, password: user.password },
    });
    assert.equal(ok.cookies.find((c) => c.name === 'bridgeway_session')?.secure, true);
  });
});

describe('documents', () => {
  test('the OpenAPI 3.1 document lists the routes with their schemas and error answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    }>();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/session',
      '/api/users',
      '/api/users/{id}',
      '/api/programs',
      '/api/api-keys',
      '/api/audit-events',
      '/api/health',
      '/api/ready',
    ]) {
      assert.ok(doc.paths[path], `${path} documented`);
    }
    assert.ok(doc.paths['/api/users']?.post?.requestBody);
    assert.ok(doc.paths['/api/users']?.post?.responses['409']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
  });
});

describe('logs', () => {
  test('name no credentials, no search terms and no person', async () => {
    await new TestClient(t.app).post('/api/session', { email: made.user.email, password: 'my secret guess 42' });
    await admin.get('/api/users?q=Quartermaine');
    const text = logLines.join('\n');
    assert.ok(logLines.length > 3, 'something was logged');
    for (const secret of ['my secret guess 42', 'Quartermaine', made.user.email, admin.cookie ?? 'x', admin.csrfToken ?? 'x']) {
      assert.ok(!text.includes(secret), `logs must not contain ${secret.slice(0, 12)}…`);
    }
    const requestLine = logLines.find((line) => line.includes('"route":"/api/users"'));
    assert.ok(requestLine, 'requests are logged by route template');
    assert.equal((JSON.parse(requestLine) as { level: number }).level, 20, 'at debug, so a terminal at info is not flooded');
  });
});

describe('health and readiness', () => {
  test('/api/ready answers 503 while the database is unreachable and 200 again when it is back, without a restart', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode, 200);
    relay.cut();
    const down = await t.app.inject({ method: 'GET', url: '/api/ready' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json<{ type: string }>().type, '/api/problems/unavailable');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200, 'health does not need the database');
    // Any other call that needs the database (a session's lookup) says it is unreachable: not that the server is busy.
    const call = await t.app.inject({ method: 'GET', url: '/api/session', cookies: { [SESSION_COOKIE]: 'a-session-token-of-no-one' } });
    assert.equal(call.statusCode, 503, call.body);
    assert.equal(call.json<{ code: string }>().code, 'unavailable');
    assert.equal(call.headers['retry-after'], '5');
    relay.restore();
    // No event says the pool has dropped its dead connections: ask again, under a deadline.
    await pollUntil('/api/ready to answer 200 after the database is back', 5_000, async () => {
      const status = (await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode;
      return status === 200 ? status : undefined;
    });
  });
});
