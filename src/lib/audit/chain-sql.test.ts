import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { superuserClient } from '../../../test/support/db.ts';
import { newId } from '../ids.ts';
import { writeAudit } from './audit.ts';
import { rowHash, sealAuditChain, selectChainRows, verifyAuditChain } from './chain.ts';

/**
 * The chain's hash is computed twice, independently: by `audit_chain_hash` in SQL when sealing
 * and by `rowHash` in TypeScript when verifying (and, before sealing moved into the database,
 * when sealing). They must agree byte for byte, or every row sealed one way fails to verify
 * the other. The risk is in JSON escaping (to_json against JSON.stringify) and in encoding.
 */
const t = await startTestApp();

const controlCharacters = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1));
const awkward: Array<[string, string]> = [
  ['empty', ''],
  ['plain ASCII', 'Mozilla/5.0 (X11; Linux x86_64)'],
  ['quote and backslash', 'say "hi" \\ C:\\path\\'],
  ['slash and angle brackets', '</script><b>&amp;</b>'],
  ['a literal backslash-u sequence', '\\u0041 is not A'],
  ...controlCharacters.map((c): [string, string] => [`control U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, `a${c}b`]),
  ['DEL', 'a\u007fb'],
  ['Latin-1 accents', 'José Núñez Müller'],
  ['no-break space', 'a\u00a0b'],
  ['combining accent', 'e\u0301'],
  ['CJK', '中文 테스트 日本語'],
  ['right-to-left', 'مرحبا שלום'],
  ['astral plane (surrogate pair in JS)', 'smile 🙂 𝄞'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['byte-order mark and zero-width space', '\ufeffa\u200bb'],
  ['replacement character and U+FFFF', '\ufffd\uffff'],
  ['everything at once', '"\\\t\n\u0001é🙂\u2028'],
];

async function hashesBothWays(id: string, prevHash: string): Promise<{ js: string; sql: string }> {
  const row = await selectChainRows(t.db).where('id', '=', id).executeTakeFirstOrThrow();
  const fromSql = await sql<{
    hash: string;
  }>`SELECT audit_chain_hash(${prevHash}, a) AS hash FROM audit_events a WHERE a.id = ${id}`.execute(t.db);
  return { js: rowHash(prevHash, row), sql: fromSql.rows[0]?.hash ?? '' };
}

describe('audit hash: SQL and TypeScript agree', () => {
  test('on every awkward string, in every text field and in details', async () => {
    const disagreements: string[] = [];
    for (const [name, text] of awkward) {
      await writeAudit(
        t.db,
        { requestId: text, ip: text, userAgent: text, organizationId: null },
        { action: 'read', recordType: text, details: { text, list: [text] } },
      );
      const row = await t.db
        .selectFrom('auditEvents')
        .select('id')
        .where('requestId', '=', text)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const { js, sql: fromSql } = await hashesBothWays(row.id, 'f'.repeat(64));
      if (js !== fromSql) disagreements.push(`${name}: ${JSON.stringify(text)}`);
      // Read back, the stored text is exactly what was written (no lossy conversion on the way).
      const stored = await t.db
        .selectFrom('auditEvents')
        .select(['userAgent', 'details'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.userAgent, text, name);
      assert.deepEqual(stored.details, { text, list: [text] }, name);
    }
    assert.deepEqual(disagreements, [], 'the SQL hash differs from the TypeScript hash for these strings');
  });

  test('null fields are JSON null, and a row with every id set hashes the same', async () => {
    const meta = { requestId: 'req-ids', ip: null, userAgent: null, organizationId: null };
    await writeAudit(t.db, meta, { action: 'access-denied', recordId: newId(), patientId: newId() });
    const row = await t.db.selectFrom('auditEvents').select('id').where('requestId', '=', 'req-ids').executeTakeFirstOrThrow();
    const { js, sql: fromSql } = await hashesBothWays(row.id, '0'.repeat(64));
    assert.equal(fromSql, js);
  });

  test('a chain sealed the old way (in TypeScript) continues under the SQL sealer and verifies', async () => {
    await sealAuditChain(t.db, 10_000); // everything above: sealed in SQL
    const admin = await superuserClient(t.databaseName);
    try {
      // Rows sealed as the app did before audit_seal existed: hash computed in TypeScript and
      // written with an UPDATE of the chain columns (which the append-only trigger allows).
      for (let i = 0; i < 3; i++) {
        await writeAudit(t.db, { requestId: `old-way-${i}`, ip: null, userAgent: `é\t${i}`, organizationId: null }, { action: 'read' });
        const head = await t.db
          .selectFrom('auditEvents')
          .select(['chainPosition', 'hash'])
          .where('chainPosition', 'is not', null)
          .orderBy('chainPosition', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
        const row = await selectChainRows(t.db).where('requestId', '=', `old-way-${i}`).executeTakeFirstOrThrow();
        const hash = rowHash(head.hash ?? '', row);
        await admin.query('UPDATE audit_events SET chain_position = $1, prev_hash = $2, hash = $3, sealed_at = now() WHERE id = $4', [
          Number(head.chainPosition) + 1,
          head.hash,
          hash,
          row.id,
        ]);
      }
    } finally {
      await admin.end();
    }
    await writeAudit(t.db, { requestId: 'new-way', ip: null, userAgent: '🙂', organizationId: null }, { action: 'read' });
    assert.equal(await sealAuditChain(t.db), 1);
    const result = await verifyAuditChain(t.db);
    assert.equal(result.ok, true, JSON.stringify(result.firstBroken));
    assert.equal(result.checked, awkward.length + 1 + 3 + 1);
  });
});
