import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { freePort, startServer, stopServer, type RunningServer } from '../support/server.ts';
import { withDeadline } from '../support/wait.ts';

/**
 * Nothing acknowledged is lost: the server is killed with SIGKILL in the middle of a stream of
 * writes, on the embedded database, and every write it had answered 201 for is there after a
 * restart on the same data folder, with its audit row, in a chain that still verifies against
 * its anchor. Round 1 kills only the app (its PostgreSQL is orphaned and must be taken over);
 * round 2 kills the app and PostgreSQL together, as a power cut would, and restarts at once.
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

/** Setup, admin sign-in and TOTP enrolment: the session whose requests will write. */
async function provisionSession(origin: string): Promise<Record<string, string>> {
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
  const headers = { cookie, 'x-csrf-token': String(signIn.body.csrfToken) };
  const enrolment = await call(origin, 'POST', '/api/session/mfa/enrolment', {}, headers);
  const code = hotp(base32Decode(String(enrolment.body.secret)), timeStep(Date.now()));
  const confirmed = await call(origin, 'POST', '/api/session/mfa/enrolment/confirm', { totp: code }, headers);
  assert.equal(confirmed.status, 200);
  // Sessions live in the database, so this one outlives every crash below.
  return { cookie: (confirmed.cookie ?? '').split(';')[0] ?? '', 'x-csrf-token': String(confirmed.body.csrfToken) };
}

/**
 * Four writers creating programs; once the server has acknowledged `before` writes (the signal
 * that writing is under way), `kill` it. Returns the ids it acknowledged up to its death.
 */
async function writeUntilKilled(
  running: RunningServer,
  session: Record<string, string>,
  round: number,
  kill: () => void,
  before = 20,
): Promise<string[]> {
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
          '/api/programs',
          { name: `Round ${round} writer ${w} #${n}`, caseManagementModel: 'broker-generalist' },
          session,
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

/** The embedded server's superuser, with the password the data folder keeps. */
async function superuser(): Promise<pg.Client> {
  const password = encodeURIComponent(readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim());
  const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${env.BRIDGEWAY_PG_PORT}/bridgeway` });
  await client.connect();
  return client;
}

/** Every acknowledged program is there, and so is the audit row of its creation. */
async function assertAllPresent(origin: string, session: Record<string, string>, ids: string[]): Promise<void> {
  for (const id of ids) {
    const response = await call(origin, 'GET', `/api/programs/${id}`, undefined, session);
    assert.equal(response.status, 200, `acknowledged program ${id} is missing after the crash`);
  }
  const client = await superuser();
  try {
    const audited = await client.query<{ record_id: string }>(
      `SELECT record_id FROM audit_events WHERE action = 'create' AND record_type = 'program' AND record_id = ANY($1::uuid[])`,
      [ids],
    );
    assert.deepEqual(new Set(audited.rows.map((row) => row.record_id)), new Set(ids), 'every acknowledged write kept its audit row');
    // What makes an acknowledged commit survive a power cut; never switch these off.
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
    );
    assert.deepEqual(
      settings.rows.map((row) => `${row.name}=${row.setting}`),
      ['fsync=on', 'full_page_writes=on', 'synchronous_commit=on'],
    );
    const appConnections = await client.query<{ usename: string; superuser: boolean }>(
      `SELECT DISTINCT a.usename, r.rolsuper AS superuser FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
        WHERE a.application_name = 'bridgeway'`,
    );
    assert.deepEqual(
      appConnections.rows,
      [{ usename: 'bridgeway_app', superuser: false }],
      'the server connects as its non-superuser role',
    );
  } finally {
    await client.end();
  }
  // The chain, sealed partly by the killed server and partly by this one, verifies and matches
  // its last anchor (the command attaches to the running cluster).
  const verify = spawnSync(process.execPath, [path.join(import.meta.dirname, '../../src/cli/main.ts'), 'audit', 'verify'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(verify.status, 0, `${verify.stdout}${verify.stderr}`);
  assert.match(verify.stdout, /OK: \d+ audit rows verified; the chain is intact\.\n.*\nMatches the anchor of /);
}

test('every acknowledged write survives SIGKILL of the app, and of the app with its PostgreSQL', { timeout: 240_000 }, async () => {
  server = await startServer(env, appPort);
  const session = await provisionSession(server.origin);

  // Round 1: only the app dies; its PostgreSQL child lives on as an orphan.
  const first = server;
  const round1 = await writeUntilKilled(first, session, 1, () => first.process.kill('SIGKILL'));
  server = await startServer(env, appPort);
  await assertAllPresent(server.origin, session, round1);

  // Round 2: the app and PostgreSQL die together; PostgreSQL recovers from its WAL.
  const second = server;
  const pgPid = postmasterPid();
  const round2 = await writeUntilKilled(second, session, 2, () => {
    second.process.kill('SIGKILL');
    process.kill(pgPid, 'SIGKILL');
  });
  server = await startServer(env, appPort);
  await assertAllPresent(server.origin, session, [...round1, ...round2]);
});
