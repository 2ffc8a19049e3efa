import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../db/schema.ts';
import { nameStatements } from './prepared.ts';

export type Database = Kysely<DB>;

// Return timestamptz as JS Date (pg default) but `date` columns as plain YYYY-MM-DD strings:
// a date has no time zone, and turning it into a Date shifts it by the server's offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (int8) as JS number: our counters stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(connectionString: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Fail fast while the server is down so /api/ready answers 503 instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: 'bridgeway',
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  nameStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
