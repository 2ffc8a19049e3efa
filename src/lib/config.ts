import path from 'node:path';

/** Runtime settings, read once from the environment. Every value has a safe default. */
export interface Config {
  host: string;
  port: number;
  /** Set: use this PostgreSQL server. Unset: start the embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  /** Optional owner connection for migrations, when the app's own role may not change the schema. */
  migrationDatabaseUrl: string | undefined;
  /** The app's (lesser) role, granted its privileges after each migration run. */
  appRole: string | undefined;
  dataDir: string;
  /**
   * Where the audit chain's head is appended at each seal (src/lib/audit/anchor.ts): outside
   * the database, by default in the data folder beside the embedded cluster.
   */
  auditAnchorFile: string;
  embeddedPgPort: number;
  logLevel: string;
  /** Trust X-Forwarded-* from a TLS-terminating proxy (decides Secure cookies and HSTS). */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  /** The built web app the server serves (default web/dist; the tests build their own). */
  webDist: string;
  /** Serve the web app's source maps (built always, served only when asked for: they reveal the source and weigh megabytes). */
  serveSourceMaps: boolean;
  /** Public origin used in links we hand out (invitations); defaults to the request's own. */
  publicUrl: string | undefined;
}

function intFrom(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.BRIDGEWAY_DATA_DIR ?? './data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom('PORT', 3000, env),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.DATABASE_MIGRATION_URL || undefined,
    appRole: env.BRIDGEWAY_APP_ROLE || undefined,
    dataDir,
    auditAnchorFile: path.resolve(env.BRIDGEWAY_AUDIT_ANCHOR || path.join(dataDir, 'audit-anchors.log')),
    embeddedPgPort: intFrom('BRIDGEWAY_PG_PORT', 54329, env),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    sessionIdleMinutes: intFrom('SESSION_IDLE_MINUTES', 30, env),
    sessionAbsoluteHours: intFrom('SESSION_ABSOLUTE_HOURS', 12, env),
    bodyLimitBytes: intFrom('BODY_LIMIT_BYTES', 1024 * 1024, env),
    requestTimeoutMs: intFrom('REQUEST_TIMEOUT_MS', 30_000, env),
    publicUrl: env.PUBLIC_URL || undefined,
    serveSourceMaps: env.BRIDGEWAY_SOURCE_MAPS === 'true' || env.BRIDGEWAY_SOURCE_MAPS === '1',
    webDist: path.resolve(env.BRIDGEWAY_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
  };
}
