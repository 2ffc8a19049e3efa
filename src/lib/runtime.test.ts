import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { createTestDatabase, superuserClient } from '../../test/support/db.ts';
import { writeAudit } from './audit/audit.ts';
import { sealAuditChain } from './audit/chain.ts';
import { loadConfig } from './config.ts';
import { openRuntime } from './runtime.ts';

/**
 * DATABASE_URL deployments: the recommended setup migrates as the owner
 * (`DATABASE_MIGRATION_URL`) and runs the app as a lesser login role (`BRIDGEWAY_APP_ROLE`,
 * the role DATABASE_URL signs in as). The suite itself connects as a superuser, so this test
 * makes such a role of its own.
 */
const database = await createTestDatabase();
const role = `bw_login_${randomBytes(4).toString('hex')}`;
const password = randomBytes(18).toString('base64url');
const admin = await superuserClient(database.name);
await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
after(async () => {
  await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
  await admin.end();
  await database.drop();
  const cluster = await superuserClient('postgres');
  await cluster.query(`DROP ROLE IF EXISTS ${role}`).finally(() => cluster.end());
});

function appUrl(): string {
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  return url.toString();
}

test('with DATABASE_MIGRATION_URL and BRIDGEWAY_APP_ROLE the app connects as the lesser role, which can only append to the trail', async () => {
  const runtime = await openRuntime(
    loadConfig({ DATABASE_URL: appUrl(), DATABASE_MIGRATION_URL: database.url, BRIDGEWAY_APP_ROLE: role }),
    () => {},
  );
  try {
    const who = await runtime.pool.query<{ user: string }>('SELECT current_user AS user');
    assert.equal(who.rows[0]?.user, role);
    assert.equal(runtime.privilegedApp, false);
    await writeAudit(runtime.db, { requestId: 'req-runtime', ip: null, userAgent: null, organizationId: null }, { action: 'read' });
    assert.ok((await sealAuditChain(runtime.db)) >= 1);
    await assert.rejects(runtime.pool.query(`UPDATE audit_events SET action = 'export'`), /permission denied/);
    await assert.rejects(runtime.pool.query('ALTER TABLE audit_events DISABLE TRIGGER USER'), /must be owner/);
  } finally {
    await runtime.shutdown();
  }
});

test('an app that connects as a superuser is flagged, so the server can warn', async () => {
  const runtime = await openRuntime(loadConfig({ DATABASE_URL: database.url }), () => {});
  try {
    assert.equal(runtime.privilegedApp, true);
  } finally {
    await runtime.shutdown();
  }
});

test('an app role that may create objects in schema public is refused, naming the fix', async () => {
  // PostgreSQL before 15 lets every role create in public; audit_seal resolves names there.
  await admin.query('GRANT CREATE ON SCHEMA public TO PUBLIC');
  try {
    await assert.rejects(
      openRuntime(loadConfig({ DATABASE_URL: appUrl(), DATABASE_MIGRATION_URL: database.url, BRIDGEWAY_APP_ROLE: role }), () => {}),
      /may create objects in schema public.*REVOKE CREATE ON SCHEMA public FROM PUBLIC/,
    );
  } finally {
    await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  }
});
