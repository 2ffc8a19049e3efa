import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { freePort } from '../../../test/support/server.ts';
import { sealAuditChain, verifyAuditChain } from '../audit/chain.ts';
import { writeAudit } from '../audit/audit.ts';
import { loadConfig } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

/**
 * The default deployment: the embedded PostgreSQL, the app on its own non-superuser role.
 * Runs on an embedded server of its own whichever database the suite uses.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-roles-'));
const config = loadConfig({ BRIDGEWAY_DATA_DIR: dataDir, BRIDGEWAY_PG_PORT: String(await freePort()) });
let runtime: Runtime | null = null;
after(async () => {
  await runtime?.shutdown();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each statement on its own, so one refusal does not abort the next. */
async function refusal(client: pg.PoolClient, statement: string): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query(statement);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK');
  }
}

async function superuser(): Promise<pg.Client> {
  const password = encodeURIComponent(readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim());
  const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${config.embeddedPgPort}/bridgeway` });
  await client.connect();
  return client;
}

test('the app connects as a role that is not a superuser and cannot switch off triggers or change audit rows', async () => {
  runtime = await openRuntime(config, () => {});
  const who = await runtime.pool.query<{ user: string; superuser: boolean }>(
    'SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  assert.deepEqual(who.rows[0], { user: 'bridgeway_app', superuser: false });
  assert.equal(runtime.privilegedApp, false);
  for (const file of ['pg-password', 'pg-app-password']) {
    assert.equal(statSync(path.join(dataDir, file)).mode & 0o777, 0o600, `${file} is readable by its owner only`);
  }

  const meta = { requestId: 'req-roles', ip: '198.51.100.1', userAgent: 'test', organizationId: null };
  await writeAudit(runtime.db, meta, { action: 'read', recordType: 'program' });
  await writeAudit(runtime.db, meta, { action: 'export', recordType: 'program' });
  assert.equal(await sealAuditChain(runtime.db), 2);

  const client = await runtime.pool.connect();
  try {
    const attempts = {
      disableTrigger: await refusal(client, 'ALTER TABLE audit_events DISABLE TRIGGER USER'),
      replicaMode: await refusal(client, 'SET session_replication_role = replica'),
      update: await refusal(client, `UPDATE audit_events SET action = 'read'`),
      forgeSeal: await refusal(client, `UPDATE audit_events SET chain_position = 99, prev_hash = 'x', hash = 'y' WHERE hash IS NULL`),
      delete: await refusal(client, 'DELETE FROM audit_events'),
      truncate: await refusal(client, 'TRUNCATE audit_events'),
      insertSealed: await refusal(
        client,
        `INSERT INTO audit_events (id, action, chain_position, prev_hash, hash) VALUES ('0190d2d6-0000-7000-8000-00000000bbbb', 'read', 3, 'x', 'y')`,
      ),
      becomeSuperuser: await refusal(client, 'SET ROLE postgres'),
    };
    assert.match(attempts.disableTrigger, /must be owner/);
    assert.match(attempts.replicaMode, /permission denied/);
    for (const key of ['update', 'forgeSeal', 'delete', 'truncate'] as const) assert.match(attempts[key], /permission denied/, key);
    assert.match(attempts.insertSealed, /cannot carry chain columns/);
    assert.match(attempts.becomeSuperuser, /permission denied/);
  } finally {
    client.release();
  }
  assert.equal((await verifyAuditChain(runtime.db)).ok, true);
});

test('a data folder made before the app role existed gets one at the next start', async () => {
  assert.ok(runtime);
  const admin = await superuser();
  try {
    // What an older data folder looks like: no app role and no password file for it.
    await admin.query('DROP OWNED BY bridgeway_app');
    await admin.query('DROP ROLE bridgeway_app');
  } finally {
    await admin.end();
  }
  rmSync(path.join(dataDir, 'pg-app-password'));
  await runtime.shutdown();
  runtime = null;

  runtime = await openRuntime(config, () => {});
  const who = await runtime.pool.query<{ user: string }>('SELECT current_user AS user');
  assert.equal(who.rows[0]?.user, 'bridgeway_app');
  assert.equal(statSync(path.join(dataDir, 'pg-app-password')).mode & 0o777, 0o600);
  await writeAudit(runtime.db, { requestId: 'req-roles-2', ip: null, userAgent: null, organizationId: null }, { action: 'read' });
  assert.equal(await sealAuditChain(runtime.db), 1);
  const chain = await verifyAuditChain(runtime.db);
  assert.equal(chain.ok, true);
  assert.equal(chain.checked, 3);
});
