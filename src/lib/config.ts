import { isIP } from 'node:net';
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
  /**
   * Which proxies' X-Forwarded-* to believe (the client's address for rate limits and audit,
   * the protocol for Secure cookies and HSTS): a hop count, or the proxies' addresses (CIDRs
   * allowed). Never "every hop": a client could then name any address it liked.
   */
  trustProxy: false | number | string[];
  /** BRIDGEWAY_SECRET_KEY; unset: the key file beside the database folder (src/lib/auth/secret-key.ts). */
  secretKey: string | undefined;
  /** Per client address, across the routes that check a password (src/lib/http/rate-limits.ts). */
  credentialAttemptsPerMinute: number;
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

/** TRUST_PROXY: unset or 0 (no proxy), a hop count, or a comma-separated list of proxy addresses. */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true')
    throw new Error(
      'TRUST_PROXY=true would trust every hop (any client could name its own address): set the number of proxies in front (usually 1) or their addresses',
    );
  const list = value.split(',').map((part) => part.trim());
  for (const entry of list) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !bitsOk || extra !== undefined)
      throw new Error(`TRUST_PROXY must be a hop count or proxy addresses (e.g. 10.0.0.5,10.1.0.0/16), got "${entry}"`);
  }
  return list;
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    secretKey: env.BRIDGEWAY_SECRET_KEY || undefined,
    credentialAttemptsPerMinute: intFrom('CREDENTIAL_ATTEMPTS_PER_MINUTE', 20, env),
    sessionIdleMinutes: intFrom('SESSION_IDLE_MINUTES', 30, env),
    sessionAbsoluteHours: intFrom('SESSION_ABSOLUTE_HOURS', 12, env),
    bodyLimitBytes: intFrom('BODY_LIMIT_BYTES', 1024 * 1024, env),
    requestTimeoutMs: intFrom('REQUEST_TIMEOUT_MS', 30_000, env),
    publicUrl: env.PUBLIC_URL || undefined,
    serveSourceMaps: env.BRIDGEWAY_SOURCE_MAPS === 'true' || env.BRIDGEWAY_SOURCE_MAPS === '1',
    webDist: path.resolve(env.BRIDGEWAY_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
  };
}
