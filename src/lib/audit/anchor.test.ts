import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type pg from 'pg';
import { startTestApp } from '../../../test/support/app.ts';
import { superuserClient } from '../../../test/support/db.ts';
import { writeAudit } from './audit.ts';
import { anchorCurrentHead, readLastAnchor } from './anchor.ts';
import { rowHash, selectChainRows, verifyAuditChain } from './chain.ts';
import { sealAndAnchor, type SealerLog } from './sealer.ts';

/**
 * The anchor: the chain head written outside the database at each seal, which is what shows a
 * superuser deleting the newest rows or rebuilding the whole chain (`audit verify`).
 */
const folder = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-anchor-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function recordingLog() {
  const lines: Array<{ level: 'info' | 'error'; fields: object; message: string }> = [];
  const log: SealerLog = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
  return { log, lines };
}

async function world() {
  const t = await startTestApp();
  const file = path.join(folder, `${t.databaseName}.log`);
  let n = 0;
  const write = async (count: number) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      await writeAudit(
        t.db,
        { requestId: `req-${n}`, ip: null, userAgent: null, organizationId: null },
        { action: 'read', details: { n } },
      );
    }
  };
  const superuser = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = await superuserClient(t.databaseName);
    try {
      // A superuser can switch the append-only trigger off: the attacker the anchor is for.
      await client.query('SET session_replication_role = replica');
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return { t, file, write, superuser };
}

describe('audit anchors', () => {
  test('each seal batch appends the head to the file and logs it, without row content', async () => {
    const { t, file, write } = await world();
    const { log, lines } = recordingLog();
    await write(3);
    assert.equal(await sealAndAnchor(t.db, file, log, 2), 2);
    assert.equal(await sealAndAnchor(t.db, file, log, 2), 1);
    assert.equal(await sealAndAnchor(t.db, file, log, 2), 0, 'nothing new: no anchor');
    const anchors = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { position: number; hash: string; at: string });
    assert.deepEqual(
      anchors.map((a) => a.position),
      [2, 3],
    );
    const head = await t.db.selectFrom('auditEvents').select('hash').where('chainPosition', '=', 3).executeTakeFirstOrThrow();
    assert.equal(anchors[1]?.hash, head.hash);
    assert.ok(anchors.every((a) => !Number.isNaN(Date.parse(a.at))));
    assert.deepEqual(
      lines.map((l) => [l.level, l.message, Object.keys((l.fields as { auditAnchor: object }).auditAnchor).sort()]),
      [
        ['info', 'audit chain anchored', ['at', 'hash', 'position']],
        ['info', 'audit chain anchored', ['at', 'hash', 'position']],
      ],
    );
    assert.equal((await verifyAuditChain(t.db, { anchor: await readLastAnchor(file) })).anchor?.outcome, 'matches');
  });

  test('verify reports the newest rows deleted (truncation), and the sealer stops anchoring over it', async () => {
    const { t, file, write, superuser } = await world();
    const { log, lines } = recordingLog();
    await write(5);
    await sealAndAnchor(t.db, file, log);
    await superuser((client) => client.query('DELETE FROM audit_events WHERE chain_position > 3'));

    const truncated = await verifyAuditChain(t.db, { anchor: await readLastAnchor(file) });
    assert.equal(truncated.ok, false);
    assert.equal(truncated.firstBroken, undefined, 'what is left is a valid chain');
    assert.equal(truncated.checked, 3);
    assert.equal(truncated.anchor?.outcome, 'truncated');
    assert.equal(truncated.anchor?.anchored.position, 5);

    // New rows are sealed at positions 4 and 5 again; the file keeps the evidence.
    await write(2);
    assert.equal(await sealAndAnchor(t.db, file, log), 2);
    assert.equal(await sealAndAnchor(t.db, file, log), 0);
    await write(1);
    assert.equal(await sealAndAnchor(t.db, file, log), 1);
    assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 1, 'no anchor was appended after the truncation');
    assert.equal(lines.filter((l) => l.level === 'error').length, 1, 'the refusal is logged once, not at every seal');
    const later = await verifyAuditChain(t.db, { anchor: await readLastAnchor(file) });
    assert.equal(later.ok, false);
    assert.equal(later.anchor?.outcome, 'rewritten', 'position 5 now holds another row');
    const refused = await anchorCurrentHead(t.db, file);
    assert.ok('refused' in refused);
  });

  test('verify reports a chain rebuilt from scratch, and still names a row changed without re-chaining', async () => {
    const { t, file, write, superuser } = await world();
    const { log } = recordingLog();
    await write(4);
    await sealAndAnchor(t.db, file, log);
    const anchor = await readLastAnchor(file);

    // Change row 2, then recompute every hash from there on: internally the chain is valid.
    await superuser(async (client) => {
      await client.query(`UPDATE audit_events SET details = '{"n": 99}' WHERE chain_position = 2`);
      const rows = await selectChainRows(t.db).where('chainPosition', '>=', 2).orderBy('chainPosition').execute();
      let prev = (await client.query<{ hash: string }>('SELECT hash FROM audit_events WHERE chain_position = 1')).rows[0]?.hash ?? '';
      for (const row of rows) {
        const hash = rowHash(prev, row);
        await client.query('UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3', [prev, hash, row.id]);
        prev = hash;
      }
    });
    assert.equal((await verifyAuditChain(t.db)).ok, true, 'without an anchor the rebuilt chain looks intact');
    const rebuilt = await verifyAuditChain(t.db, { anchor });
    assert.equal(rebuilt.ok, false);
    assert.equal(rebuilt.firstBroken, undefined);
    assert.equal(rebuilt.anchor?.outcome, 'rewritten');
    assert.equal(rebuilt.anchor?.anchored.hash, anchor?.hash);

    await superuser((client) => client.query(`UPDATE audit_events SET ip = '192.0.2.1' WHERE chain_position = 3`));
    const changed = await verifyAuditChain(t.db, { anchor });
    assert.equal(changed.firstBroken?.chainPosition, 3);
    assert.match(changed.firstBroken?.problem ?? '', /content does not match/);
    assert.equal(changed.anchor?.outcome, 'unreached');
  });

  test('the last anchor is the highest position in the file; a torn line or no file is no anchor', async () => {
    const file = path.join(folder, 'read.log');
    assert.equal(await readLastAnchor(file), null);
    writeFileSync(file, '');
    assert.equal(await readLastAnchor(file), null);
    const line = (position: number) => JSON.stringify({ position, hash: String(position % 10).repeat(64), at: '2026-01-01T00:00:00.000Z' });
    writeFileSync(file, `${line(7)}\n${line(9)}\n${line(8)}\n{"position":10,"hash":"ab`);
    assert.deepEqual(await readLastAnchor(file), { position: 9, hash: '9'.repeat(64), at: '2026-01-01T00:00:00.000Z' });
    appendFileSync(file, '\nnot json\n');
    assert.equal((await readLastAnchor(file))?.position, 9);
  });
});
