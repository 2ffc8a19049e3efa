import type { Config } from './config.ts';
import { connectDatabase, type DatabaseHandle } from './db/database.ts';
import { EMBEDDED_APP_ROLE, startEmbeddedPostgres } from './db/embedded.ts';
import pg from 'pg';
import { grantAppRole } from './db/grants.ts';
import { migrate } from './db/migrate.ts';

/**
 * The database a process runs against: `DATABASE_URL` when set, otherwise the embedded
 * PostgreSQL under the data folder. Migrated before it is handed out. Used by the server and
 * by every `bridgeway` command, so they all see the same database the same way.
 *
 * Migrations and grants run as the schema's owner; the app connects as a lesser role where
 * there is one: always on the embedded server (`bridgeway_app`), and with `DATABASE_URL` when
 * `DATABASE_MIGRATION_URL` and `BRIDGEWAY_APP_ROLE` say so (docs/security.md).
 */
export interface Runtime extends DatabaseHandle {
  embedded: boolean;
  /** The app's connection is a superuser or owns audit_events, so it could undo the trail's protections. */
  privilegedApp: boolean;
  shutdown(): Promise<void>;
}

export async function openRuntime(config: Config, log: (message: string) => void): Promise<Runtime> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  const appUrl = config.databaseUrl ?? embedded?.appUrl;
  const ownerUrl = embedded?.url ?? config.migrationDatabaseUrl ?? config.databaseUrl;
  const appRole = embedded ? EMBEDDED_APP_ROLE : config.appRole;
  if (!appUrl || !ownerUrl) throw new Error('no database');
  let handle: DatabaseHandle | null = null;
  try {
    const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
    try {
      const { applied } = await migrate(owner);
      if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
      if (appRole) await grantAppRole(owner, appRole);
    } finally {
      await owner.end();
    }
    handle = connectDatabase(appUrl);
    const privileged = await handle.pool.query<{ privileged: boolean }>(
      `SELECT rolsuper OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass), 'MEMBER') AS privileged
         FROM pg_roles WHERE rolname = current_user`,
    );
    const opened = handle;
    return {
      ...opened,
      embedded: embedded !== null,
      privilegedApp: privileged.rows[0]?.privileged ?? true,
      shutdown: async () => {
        await opened.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await handle?.close();
    await embedded?.stop();
    throw error;
  }
}
