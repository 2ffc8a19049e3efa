import { after } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/lib/config.ts';
import { connectDatabase, type Database } from '../../src/lib/db/database.ts';
import type pg from 'pg';
import { createTestDatabase } from './db.ts';
import { testSecrets } from './factories.ts';

export interface TestApp {
  app: App;
  db: Database;
  pool: pg.Pool;
  config: Config;
  databaseName: string;
}

/** A fresh database and an app on it, torn down when the test file ends. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  options: { logStream?: NodeJS.WritableStream; databaseUrl?: (url: string) => string; poolSize?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const handle = connectDatabase(options.databaseUrl ? options.databaseUrl(database.url) : database.url, { max: options.poolSize ?? 5 });
  // Tests sign in many times from one address: the per-address limit is tested on its own.
  const config = { ...loadConfig({}), webDist: '/nonexistent', credentialAttemptsPerMinute: 10_000, ...overrides };
  const app = await buildApp({
    db: handle.db,
    pool: handle.pool,
    config,
    secrets: testSecrets,
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
  });
  await app.ready();
  after(async () => {
    await app.close();
    await handle.close();
    await database.drop();
  });
  return { app, db: handle.db, pool: handle.pool, config, databaseName: database.name };
}
