import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { superuserClient } from '../../../test/support/db.ts';
import { makeOrganization, makeUser } from '../../../test/support/factories.ts';
import { grantAppRole } from '../db/grants.ts';
import { withAudit, writeAudit } from './audit.ts';
import { sealAuditChain, verifyAuditChain } from './chain.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const { user } = await makeUser(t.db, org.id);
const ctx = {
  actor: {
    userId: user.id,
    organizationId: org.id,
    timeZone: org.timeZone,
    email: user.email,
    displayName: user.displayName,
    roles: ['case-manager' as const],
    locale: 'en',
    sessionId: null,
    apiKeyId: null,
    apiKeyCreatedBy: null,
  },
  requestId: 'req-audit-test',
  ip: '198.51.100.7',
  userAgent: 'test',
};

async function writeSome(count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await writeAudit(
      t.db,
      { ...ctx, organizationId: org.id, actorUserId: user.id },
      { action: 'read', recordType: 'program', details: { n: i } },
    );
}

async function sealAll(): Promise<void> {
  while ((await sealAuditChain(t.db)) > 0) {
    // until nothing is left
  }
}

describe('audit trail', () => {
  test('withAudit writes the change and its audit row in one transaction: a failure keeps neither', async () => {
    const before = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await assert.rejects(
      withAudit(t.db, ctx, async (tx, audit) => {
        await tx.updateTable('users').set({ displayName: 'Should not stick' }).where('id', '=', user.id).execute();
        await audit({ action: 'update', recordType: 'user', recordId: user.id });
        throw new Error('the change fails after its audit row was written');
      }),
    );
    const after = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    const row = await t.db.selectFrom('users').select('displayName').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(row.displayName, user.displayName);
  });

  test('the app cannot update, delete or truncate audit rows', async () => {
    await writeSome(2);
    await sealAll();
    await assert.rejects(sql`UPDATE audit_events SET action = 'read' WHERE true`.execute(t.db), /append-only/);
    await assert.rejects(
      sql`UPDATE audit_events SET details = '{}'::jsonb, hash = NULL, prev_hash = NULL, chain_position = NULL WHERE true`.execute(t.db),
      /append-only|check constraint/,
    );
    await assert.rejects(sql`DELETE FROM audit_events WHERE true`.execute(t.db), /append-only/);
    await assert.rejects(sql`TRUNCATE audit_events`.execute(t.db), /append-only/);
    const result = await verifyAuditChain(t.db);
    assert.equal(result.ok, true);
  });

  test('with a separate app role, the app role lacks the privilege to change audit rows but can append', async () => {
    const admin = await superuserClient(t.databaseName);
    const role = `bw_app_${Math.random().toString(36).slice(2, 8)}`;
    try {
      await admin.query(`CREATE ROLE ${role} NOLOGIN`);
      await grantAppRole(t.pool, role);
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL ROLE ${role}`);
      await admin.query(`INSERT INTO audit_events (id, action) VALUES ('0190d2d6-0000-7000-8000-00000000aaaa', 'read')`);
      await admin.query('SAVEPOINT s');
      await assert.rejects(admin.query(`UPDATE audit_events SET action = 'export'`), /permission denied/);
      await admin.query('ROLLBACK TO SAVEPOINT s');
      await assert.rejects(admin.query('DELETE FROM audit_events'), /permission denied/);
      await admin.query('ROLLBACK');
    } finally {
      await admin.query('ROLLBACK').catch(() => {});
      await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
      await admin.end();
    }
  });

  test('concurrent writers never wait on the chain, and sealing chains every committed row exactly once', async () => {
    await Promise.all(Array.from({ length: 8 }, () => writeSome(25)));
    await Promise.all([sealAuditChain(t.db, 50), sealAuditChain(t.db, 50), sealAuditChain(t.db, 50)]);
    await sealAll();
    const result = await verifyAuditChain(t.db);
    assert.equal(result.ok, true);
    assert.equal(result.unsealed, 0);
    const counts = await t.db
      .selectFrom('auditEvents')
      .select([(eb) => eb.fn.countAll<number>().as('rows'), (eb) => eb.fn.max('chainPosition').as('maxPosition')])
      .executeTakeFirstOrThrow();
    assert.equal(Number(counts.maxPosition), Number(counts.rows), 'positions are 1..N without gaps');
    assert.equal(result.checked, Number(counts.rows));
  });

  test('verify names the first row a superuser changed, and a deleted row', async () => {
    await writeSome(5);
    await sealAll();
    const admin = await superuserClient(t.databaseName);
    try {
      const target = await admin.query<{ chain_position: string; id: string }>(
        'SELECT chain_position, id FROM audit_events ORDER BY chain_position DESC OFFSET 2 LIMIT 1',
      );
      const position = Number(target.rows[0]?.chain_position);
      // A superuser can switch off the trigger; the hash chain still gives them away.
      await admin.query('SET session_replication_role = replica');
      await admin.query(`UPDATE audit_events SET details = '{"n": 999}'::jsonb WHERE chain_position = $1`, [position]);
      const changed = await verifyAuditChain(t.db);
      assert.equal(changed.ok, false);
      assert.equal(changed.firstBroken?.chainPosition, position);
      assert.equal(changed.firstBroken?.id, target.rows[0]?.id);
      assert.match(changed.firstBroken?.problem ?? '', /content does not match/);

      await admin.query(`DELETE FROM audit_events WHERE chain_position = $1`, [position]);
      const deleted = await verifyAuditChain(t.db);
      assert.equal(deleted.ok, false);
      assert.equal(deleted.firstBroken?.chainPosition, position);
      assert.match(deleted.firstBroken?.problem ?? '', /missing/);
    } finally {
      await admin.end();
    }
  });
});
