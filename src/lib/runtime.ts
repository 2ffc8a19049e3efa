import type { Config } from './config.ts';
import { connectDatabase, type DatabaseHandle } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import pg from 'pg';
import { grantAppRole } from './db/grants.ts';
import { migrate } from './db/migrate.ts';

/**
 * The database a process runs against: `DATABASE_URL` when set, otherwise the embedded
 * PostgreSQL under the data folder. Migrated before it is handed out. Used by the server and
 * by every `bridgeway` command, so they all see the same database the same way.
 */
export interface Runtime extends DatabaseHandle {
  embedded: boolean;
  shutdown(): Promise<void>;
}

export async function openRuntime(config: Config, log: (message: string) => void): Promise<Runtime> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database');
  const handle = connectDatabase(url);
  try {
    const owner = config.migrationDatabaseUrl ? new pg.Pool({ connectionString: config.migrationDatabaseUrl, max: 1 }) : handle.pool;
    try {
      const { applied } = await migrate(owner);
      if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
      if (config.appRole) await grantAppRole(owner, config.appRole);
    } finally {
      if (owner !== handle.pool) await owner.end();
    }
  } catch (error) {
    await handle.close();
    await embedded?.stop();
    throw error;
  }
  return {
    ...handle,
    embedded: embedded !== null,
    shutdown: async () => {
      await handle.close();
      await embedded?.stop();
    },
  };
}
