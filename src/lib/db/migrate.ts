import { createHash } from 'node:crypto';
import { globSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

/**
 * Forward-only SQL migrations, applied in the order of their number, each in its own
 * transaction: the foundation's in `src/migrations/`, a module's own in
 * `src/modules/<module>/migrations/` (docs/modules.md). Numbers are unique across all folders,
 * so the order between modules is explicit. A session-level advisory lock makes a second
 * instance starting at the same moment wait, then find nothing left to do. An applied file
 * that later changed is refused.
 */
const SRC = path.join(import.meta.dirname, '../..');
const MIGRATION_FOLDERS = ['migrations', 'modules/*/migrations'];
const LOCK_KEY = 4_242_001; // arbitrary, constant: "bridgeway migrations"

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(root = SRC): Promise<Migration[]> {
  const files = MIGRATION_FOLDERS.flatMap((folder) => globSync(`${folder}/*.sql`, { cwd: root }))
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(path.basename(file)))
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
  const migrations = await Promise.all(
    files.map(async (file) => {
      const sql = await fs.readFile(path.join(root, file), 'utf8');
      const name = path.basename(file).replace(/\.sql$/, '');
      return { version: Number(name.slice(0, 4)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
  for (const [index, migration] of migrations.entries()) {
    const previous = migrations[index - 1];
    if (previous?.version === migration.version)
      throw new Error(`Two migrations share number ${migration.version}: ${previous.name}, ${migration.name}`);
  }
  return migrations;
}

export async function migrate(pool: pg.Pool): Promise<{ applied: string[] }> {
  const migrations = await loadMigrations();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map((row) => [
        row.version,
        row.checksum,
      ]),
    );
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
  return { applied };
}

/** True when every migration file has been applied (what /api/ready checks). */
export async function isMigrated(pool: pg.Pool, expected: number): Promise<boolean> {
  const result = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM schema_migrations');
  return (result.rows[0]?.count ?? 0) >= expected;
}
