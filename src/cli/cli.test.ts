import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { startTestApp } from '../../test/support/app.ts';
import { createTestDatabase, superuserClient } from '../../test/support/db.ts';

/** The `bridgeway` command as an operator runs it, against a database of its own. */
const main = path.join(import.meta.dirname, 'main.ts');
// Each database gets its own anchor file, as each deployment has its own.
const anchors = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-cli-anchors-'));
after(() => rmSync(anchors, { recursive: true, force: true }));
const anchorFileOf = (databaseUrl: string) => path.join(anchors, `${new URL(databaseUrl).pathname.slice(1)}.log`);

function bridgeway(databaseUrl: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [main, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BRIDGEWAY_ADMIN_PASSWORD: '',
      BRIDGEWAY_AUDIT_ANCHOR: anchorFileOf(databaseUrl),
      ...options.env,
    },
    input: options.input ?? '',
    encoding: 'utf8',
    // `demo` writes a few thousand records: 20 s on an idle machine, several times that while
    // CI runs four test files at once beside the embedded PostgreSQL.
    timeout: 300_000,
  });
  // A killed child has no status; say why, so a failed assertion explains itself.
  const killed = result.error ? `\n(${result.error.message})` : result.signal ? `\n(killed by ${result.signal})` : '';
  return { code: result.status, out: result.stdout, err: result.stderr + killed };
}

test('setup without questions: password from the environment or stdin, refused when too short or already set up', async () => {
  const database = await createTestDatabase();
  try {
    const short = bridgeway(database.url, ['setup', '--org', 'Harbor Health', '--email', 'ops@harbor.invalid'], {
      env: { BRIDGEWAY_ADMIN_PASSWORD: 'short' },
    });
    assert.equal(short.code, 1);
    assert.match(short.err, /password: must have at least 12 characters/);
    const viaStdin = bridgeway(
      database.url,
      ['setup', '--org', 'Harbor Health', '--email', 'ops@harbor.invalid', '--time-zone', 'America/Anchorage'],
      { input: 'a long stdin passphrase\n' },
    );
    assert.equal(viaStdin.code, 0, viaStdin.err);
    assert.match(viaStdin.out, /Set up "Harbor Health"/);
    const again = bridgeway(database.url, ['setup', '--org', 'Other', '--email', 'x@harbor.invalid'], {
      env: { BRIDGEWAY_ADMIN_PASSWORD: 'another long passphrase' },
    });
    assert.equal(again.code, 1);
    assert.match(again.err, /already set up/);
    const client = await superuserClient(database.name);
    try {
      const orgs = await client.query<{ name: string; time_zone: string }>('SELECT name, time_zone FROM organizations');
      assert.deepEqual(orgs.rows, [{ name: 'Harbor Health', time_zone: 'America/Anchorage' }]);
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
});

test('demo fills a separate organization with synthetic staff and programs, once', async () => {
  const database = await createTestDatabase();
  try {
    const first = bridgeway(database.url, ['demo']);
    assert.equal(first.code, 0, first.err);
    const password = /password: (\S+)/.exec(first.out)?.[1];
    assert.ok(password && password.length >= 12, 'a generated password is shown');
    const second = bridgeway(database.url, ['demo']);
    assert.equal(second.code, 1);
    const client = await superuserClient(database.name);
    try {
      const counts = await client.query<{
        programs: string;
        staff: string;
        patients: number;
        phases: number;
        screens: number;
        roles: string[];
      }>(
        `SELECT (SELECT count(*) FROM programs) AS programs, (SELECT count(*) FROM users) AS staff, (SELECT count(*)::int FROM patients) AS patients,
                (SELECT count(DISTINCT phase)::int FROM episodes) AS phases,
                (SELECT count(*)::int FROM assessments WHERE status = 'completed' AND result IS NOT NULL) AS screens,
                (SELECT array_agg(DISTINCT r ORDER BY r) FROM users, unnest(roles) r) AS roles`,
      );
      const row = counts.rows[0];
      assert.ok(Number(row?.programs) >= 5);
      assert.ok(Number(row?.staff) >= 10);
      assert.equal(row?.roles.length, 9, 'every role is represented');
      assert.ok((row?.patients ?? 0) >= 200, 'a few hundred synthetic patients');
      assert.equal(row?.phases, 5, 'in every phase of the continuum');
      assert.ok((row?.screens ?? 0) >= (row?.patients ?? 0), 'a screening history for every episode');
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
});

test('audit verify says OK on an intact trail and names the first row a superuser changed', async () => {
  const t = await startTestApp();
  const url = new URL(process.env.BRIDGEWAY_TEST_ADMIN_URL ?? '');
  url.pathname = `/${t.databaseName}`;
  const setup = bridgeway(url.toString(), ['setup', '--org', 'Verify Org', '--email', 'v@verify.invalid'], {
    env: { BRIDGEWAY_ADMIN_PASSWORD: 'verify passphrase!' },
  });
  assert.equal(setup.code, 0, setup.err);
  const ok = bridgeway(url.toString(), ['audit', 'verify']);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /OK: 2 audit rows verified/);

  const client = await superuserClient(t.databaseName);
  try {
    await client.query('SET session_replication_role = replica');
    const target = await client.query<{ id: string }>('UPDATE audit_events SET ip = $1 WHERE chain_position = 2 RETURNING id', [
      '192.0.2.99',
    ]);
    const broken = bridgeway(url.toString(), ['audit', 'verify']);
    assert.equal(broken.code, 2);
    assert.match(broken.err, new RegExp(`BROKEN: the audit chain breaks at position 2 \\(audit event ${target.rows[0]?.id ?? ''}\\)`));
  } finally {
    await client.end();
  }
});

test('audit anchor writes the head outside the database; verify then reports the newest rows deleted', async () => {
  const database = await createTestDatabase();
  try {
    const setup = bridgeway(database.url, ['setup', '--org', 'Anchor Org', '--email', 'a@anchor.invalid'], {
      env: { BRIDGEWAY_ADMIN_PASSWORD: 'anchor passphrase!' },
    });
    assert.equal(setup.code, 0, setup.err);
    const anchored = bridgeway(database.url, ['audit', 'anchor']);
    assert.equal(anchored.code, 0, anchored.err);
    assert.match(anchored.out, /Anchored position 2, hash [0-9a-f]{64}, at \S+, in /);
    const lines = readFileSync(anchorFileOf(database.url), 'utf8').trim().split('\n');
    assert.equal((JSON.parse(lines.at(-1) ?? '{}') as { position?: number }).position, 2);
    const ok = bridgeway(database.url, ['audit', 'verify']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Matches the anchor of \S+ in .* \(position 2\)/);

    const client = await superuserClient(database.name);
    try {
      await client.query('SET session_replication_role = replica');
      await client.query('DELETE FROM audit_events WHERE chain_position = 2');
    } finally {
      await client.end();
    }
    const truncated = bridgeway(database.url, ['audit', 'verify']);
    assert.equal(truncated.code, 2);
    assert.match(
      truncated.err,
      /TRUNCATED: the chain ends at position 1, but the anchor of \S+ in .* recorded position 2: the newest 1 sealed rows were deleted/,
    );
    const refused = bridgeway(database.url, ['audit', 'anchor']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /REFUSED: the chain no longer holds the anchor/);
  } finally {
    await database.drop();
  }
});

test('the demo does not count as set up; reset-access lets a locked-out lone admin back in', async () => {
  const database = await createTestDatabase();
  try {
    const demo = bridgeway(database.url, ['demo']);
    assert.equal(demo.code, 0, demo.err);
    const setup = bridgeway(database.url, ['setup', '--org', 'Real Clinic', '--email', 'boss@real.invalid'], {
      env: { BRIDGEWAY_ADMIN_PASSWORD: 'the real passphrase' },
    });
    assert.equal(setup.code, 0, setup.err);
    const client = await superuserClient(database.name);
    try {
      await client.query(`UPDATE users SET mfa_secret = 'JBSWY3DPEHPK3PXP', mfa_enabled_at = now() WHERE email = 'boss@real.invalid'`);
      await client.query(
        `INSERT INTO sign_in_throttle (email, consecutive_failures, locked_until) VALUES ('boss@real.invalid', 9, now() + interval '1 day')`,
      );
      const reset = bridgeway(database.url, ['reset-access', '--email', 'BOSS@real.invalid'], {
        env: { PUBLIC_URL: 'https://bridgeway.clinic.invalid' },
      });
      assert.equal(reset.code, 0, reset.err);
      assert.match(reset.out, /https:\/\/bridgeway\.clinic\.invalid\/invitations\/[A-Za-z0-9_-]{43}/);
      const row = await client.query<{ mfa_secret: string | null; locked: number }>(
        `SELECT mfa_secret, (SELECT count(*)::int FROM sign_in_throttle WHERE email = 'boss@real.invalid') AS locked FROM users WHERE email = 'boss@real.invalid'`,
      );
      assert.deepEqual(row.rows[0], { mfa_secret: null, locked: 0 });
      assert.equal(bridgeway(database.url, ['reset-access', '--email', 'nobody@real.invalid']).code, 1);
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
});

test('the demo refuses to join a real organization unless forced; reset-access asks which organization when an email is in several', async () => {
  const database = await createTestDatabase();
  try {
    const setup = bridgeway(database.url, ['setup', '--org', 'Real Clinic', '--email', 'shared@real.invalid'], {
      env: { BRIDGEWAY_ADMIN_PASSWORD: 'the real passphrase' },
    });
    assert.equal(setup.code, 0, setup.err);
    const refused = bridgeway(database.url, ['demo']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /real organization \("Real Clinic"\)/);
    const client = await superuserClient(database.name);
    try {
      assert.equal((await client.query('SELECT 1 FROM organizations WHERE is_demo')).rowCount, 0, 'nothing was added');
      const forced = bridgeway(database.url, ['demo', '--force']);
      assert.equal(forced.code, 0, forced.err);
      assert.equal((await client.query('SELECT 1 FROM organizations WHERE is_demo')).rowCount, 1);
      // The same address in the demo organization too.
      await client.query(`UPDATE users SET email = 'shared@real.invalid' WHERE email = 'admin@demo.bridgeway.invalid'`);
    } finally {
      await client.end();
    }
    const ambiguous = bridgeway(database.url, ['reset-access', '--email', 'shared@real.invalid']);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.err, /add --organization with one of/);
    const chosen = bridgeway(database.url, ['reset-access', '--email', 'shared@real.invalid', '--organization', 'Real Clinic']);
    assert.equal(chosen.code, 0, chosen.err);
  } finally {
    await database.drop();
  }
});

test('an unknown command prints the usage and exits 64', async () => {
  const database = await createTestDatabase();
  try {
    const result = bridgeway(database.url, ['frobnicate']);
    assert.equal(result.code, 64);
    assert.match(result.err, /usage: bridgeway/);
  } finally {
    await database.drop();
  }
});
