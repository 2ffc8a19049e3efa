import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { freePort, startServer, stopServer, type RunningServer } from '../support/server.ts';
import { withDeadline } from '../support/wait.ts';

/**
 * Nothing acknowledged is lost: the server is killed with SIGKILL in the middle of a stream of
 * writes, on the embedded database, and every write it had answered 201 for is there after a
 * restart on the same data folder. Round 1 kills only the app (its PostgreSQL is orphaned and
 * must be taken over); round 2 kills the app and PostgreSQL together, as a power cut would.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-crash-'));
const appPort = await freePort();
const env = { DATABASE_URL: '', BRIDGEWAY_DATA_DIR: dataDir, BRIDGEWAY_PG_PORT: String(await freePort()) };
let server: RunningServer | null = null;
after(async () => {
  if (server) await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(origin: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    cookie: response.headers.get('set-cookie'),
  };
}

/** Setup, admin sign-in, TOTP enrolment and an API key: the integration that will write. */
async function provisionApiKey(origin: string): Promise<string> {
  const password = 'crash test admin passphrase';
  assert.equal(
    (
      await call(origin, 'POST', '/api/setup', {
        organizationName: 'Crash Org',
        timeZone: 'UTC',
        adminName: 'Admin',
        adminEmail: 'admin@crash.invalid',
        adminPassword: password,
      })
    ).status,
    201,
  );
  const signIn = await call(origin, 'POST', '/api/session', { email: 'admin@crash.invalid', password });
  const cookie = (signIn.cookie ?? '').split(';')[0] ?? '';
  let headers = { cookie, 'x-csrf-token': String(signIn.body.csrfToken) };
  const enrolment = await call(origin, 'POST', '/api/session/mfa/enrolment', {}, headers);
  const code = hotp(base32Decode(String(enrolment.body.secret)), timeStep(Date.now()));
  const confirmed = await call(origin, 'POST', '/api/session/mfa/enrolment/confirm', { totp: code }, headers);
  headers = { cookie: (confirmed.cookie ?? '').split(';')[0] ?? '', 'x-csrf-token': String(confirmed.body.csrfToken) };
  // Keys act as integration accounts (docs/security.md): one that registers patients.
  const integration = await call(
    origin,
    'POST',
    '/api/integration-accounts',
    { displayName: 'Crash writer', roles: ['case-manager'] },
    headers,
  );
  assert.equal(integration.status, 201);
  const key = await call(
    origin,
    'POST',
    '/api/api-keys',
    { userId: integration.body.id, name: 'crash writer', expiresOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
    headers,
  );
  assert.equal(key.status, 201);
  return String(key.body.secret);
}

/**
 * Four writers registering patients; once the server has acknowledged `before` writes (the signal
 * that writing is under way), `kill` it. Returns the ids it acknowledged up to its death.
 */
async function writeUntilKilled(running: RunningServer, key: string, round: number, kill: () => void, before = 20): Promise<string[]> {
  const acknowledged: string[] = [];
  let stop = false;
  let enough = () => {};
  const underWay = new Promise<void>((resolve) => (enough = resolve));
  const writer = async (w: number) => {
    for (let n = 0; !stop; n++) {
      try {
        const response = await call(
          running.origin,
          'POST',
          '/api/patients',
          // Synthetic people; each a distinct name, so no duplicate check stands in the way.
          { legalFirstName: `Round${round}`, legalLastName: `Writer${w}n${n}`, dateOfBirth: '1980-01-01', confirmedNotDuplicate: true },
          { authorization: `Bearer ${key}` },
        );
        if (response.status === 201) acknowledged.push(String(response.body.id));
        if (acknowledged.length >= before) enough();
      } catch {
        return; // connection refused or reset: the server is gone
      }
    }
  };
  const writers = Promise.all([1, 2, 3, 4].map(writer));
  const stoppedEarly = writers.then(() => {
    throw new Error(`the writers stopped after ${acknowledged.length} acknowledged writes, before the kill:\n${running.output()}`);
  });
  await withDeadline(`${before} acknowledged writes in round ${round}`, 60_000, Promise.race([underWay, stoppedEarly]));
  kill();
  stop = true;
  await writers;
  return acknowledged;
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function assertAllPresent(origin: string, key: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const response = await call(origin, 'GET', `/api/patients/${id}`, undefined, { authorization: `Bearer ${key}` });
    assert.equal(response.status, 200, `acknowledged patient ${id} is missing after the crash`);
  }
}

test('every acknowledged write survives SIGKILL of the app, and of the app with its PostgreSQL', { timeout: 240_000 }, async () => {
  server = await startServer(env, appPort);
  const key = await provisionApiKey(server.origin);

  // Round 1: only the app dies; its PostgreSQL child lives on as an orphan.
  const first = server;
  const round1 = await writeUntilKilled(first, key, 1, () => first.process.kill('SIGKILL'));
  server = await startServer(env, appPort);
  await assertAllPresent(server.origin, key, round1);

  // Round 2: the app and PostgreSQL die together; PostgreSQL recovers from its WAL.
  const second = server;
  const pgPid = postmasterPid();
  const round2 = await writeUntilKilled(second, key, 2, () => {
    second.process.kill('SIGKILL');
    process.kill(pgPid, 'SIGKILL');
  });
  server = await startServer(env, appPort);
  await assertAllPresent(server.origin, key, [...round1, ...round2]);
});
