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

  test('a reduced app role appends and seals through audit_seal, but cannot change, delete, or seal a forged row', async () => {
    await writeSome(1);
    await sealAll();
    const admin = await superuserClient(t.databaseName);
    const role = `bw_app_${Math.random().toString(36).slice(2, 8)}`;
    const forged = '0190d2d6-0000-7000-8000-00000000aaaa';
    try {
      await admin.query(`CREATE ROLE ${role} NOLOGIN`);
      // What earlier versions granted for sealing from the app; the grants now take it back.
      await admin.query(`GRANT UPDATE (chain_position, prev_hash, hash, sealed_at) ON audit_events TO ${role}`);
      await grantAppRole(t.pool, role);
      await admin.query(`SET ROLE ${role}`);
      const attempt = async (statement: string) => {
        await admin.query('SAVEPOINT s');
        try {
          await admin.query(statement);
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        } finally {
          await admin.query('ROLLBACK TO SAVEPOINT s');
        }
      };
      await admin.query('BEGIN');
      await admin.query(`INSERT INTO audit_events (id, action) VALUES ('${forged}', 'read')`);
      const head = await admin.query<{ p: string; h: string }>(
        'SELECT chain_position AS p, hash AS h FROM audit_events WHERE hash IS NOT NULL ORDER BY chain_position DESC LIMIT 1',
      );
      const next = Number(head.rows[0]?.p) + 1;
      const results = {
        update: await attempt(`UPDATE audit_events SET action = 'export'`),
        delete: await attempt('DELETE FROM audit_events'),
        truncate: await attempt('TRUNCATE audit_events'),
        // Sealing the row by hand, at the right position with a hash of the attacker's choosing.
        forgeSeal: await attempt(
          `UPDATE audit_events SET chain_position = ${next}, prev_hash = '${head.rows[0]?.h ?? ''}', hash = repeat('a', 64), sealed_at = now() WHERE id = '${forged}'`,
        ),
        insertSealed: await attempt(
          `INSERT INTO audit_events (id, action, chain_position, prev_hash, hash) VALUES ('0190d2d6-0000-7000-8000-00000000abcd', 'read', ${next + 1}, repeat('b', 64), repeat('c', 64))`,
        ),
        disableTrigger: await attempt('ALTER TABLE audit_events DISABLE TRIGGER USER'),
      };
      assert.match(results.update, /permission denied/);
      assert.match(results.delete, /permission denied/);
      assert.match(results.truncate, /permission denied/);
      assert.match(results.forgeSeal, /permission denied/);
      assert.match(results.insertSealed, /cannot carry chain columns/);
      assert.match(results.disableTrigger, /must be owner/);
      const sealed = await admin.query<{ sealed: number; head_position: string }>('SELECT * FROM audit_seal(100)');
      assert.deepEqual([sealed.rows[0]?.sealed, Number(sealed.rows[0]?.head_position)], [1, next]);
      await admin.query('COMMIT');
      await admin.query('RESET ROLE');
      const result = await verifyAuditChain(t.db);
      assert.equal(result.ok, true, 'the row the role sealed through audit_seal verifies');
    } finally {
      await admin.query('ROLLBACK').catch(() => {});
      await admin.query('RESET ROLE').catch(() => {});
      await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
      await admin.end();
    }
  });

  test('no writer can insert a row that is already sealed, whatever its privileges', async () => {
    await assert.rejects(
      sql`INSERT INTO audit_events (id, action, chain_position, prev_hash, hash) VALUES (gen_random_uuid(), 'read', 999999, ${'0'.repeat(64)}, ${'1'.repeat(64)})`.execute(
        t.db,
      ),
      /cannot carry chain columns/,
    );
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
