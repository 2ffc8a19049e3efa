import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildRegistry } from '../../src/lib/modules.ts';
import { modules } from '../../src/modules/index.ts';
import { startTestApp } from '../support/app.ts';

/**
 * The registry of patient data (src/lib/modules.ts) matches the database: every table with a
 * patient_id is registered (so the access check and merges know it), each carries its patient
 * by a composite foreign key within the organization, and a kind that says it follows its
 * parent in a merge really has a cascading key that moves it.
 */
const t = await startTestApp();
const registry = buildRegistry(modules);
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

test('every table holding patient_id is a registered kind of patient data, and every kind is a table', async () => {
  const tables = await sql<{ table: string }>`
    SELECT c.table_name AS table FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.column_name = 'patient_id' AND c.table_name <> 'audit_events'
     ORDER BY 1`.execute(t.db);
  const registered = new Set(registry.patientRecords.map((kind) => snake(kind.table)));
  assert.deepEqual(
    tables.rows.map((row) => row.table).filter((table) => !registered.has(table)),
    [],
    'tables with patient data that no module registers',
  );
  for (const table of registered) {
    const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = ${table}`.execute(
      t.db,
    );
    assert.equal(exists.rows[0]?.n, 1, `${table} is registered but is not a table`);
  }
});

test('each kind names its patient through a foreign key to patients within the organization; cascading kinds cascade', async () => {
  const keys = await sql<{ table: string; definition: string }>`
    SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`.execute(t.db);
  for (const kind of registry.patientRecords) {
    const table = snake(kind.table);
    if (table === 'patients') continue;
    const column = kind.patientColumn ?? 'patient_id';
    const own = keys.rows.filter((key) => key.table === table);
    assert.ok(
      own.some((key) => key.definition.includes(`(organization_id, ${column}) REFERENCES patients(organization_id, id)`)),
      `${table}.${column} has no composite foreign key to patients`,
    );
    if (kind.merge === 'cascade') {
      assert.ok(
        own.some((key) => key.definition.includes('patient_id)') && key.definition.includes('ON UPDATE CASCADE')),
        `${table} says it follows its parent in a merge but no foreign key with patient_id cascades`,
      );
    }
  }
});
