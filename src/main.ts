import fs from 'node:fs/promises';
import { buildApp } from './app.ts';
import { startAuditSealer } from './lib/audit/sealer.ts';
import { loadSecretKey } from './lib/auth/secret-key.ts';
import { loadConfig } from './lib/config.ts';
import { logDestination } from './lib/log-format.ts';
import { openRuntime } from './lib/runtime.ts';
import { ensureWebBuild } from './lib/web-build.ts';
import { resealMfaSecrets } from './modules/session/mfa-secrets.ts';
import { expireThrottleRows } from './modules/session/throttle.ts';

/** `npm start`: the whole product in one process. */
const config = loadConfig();
// JSON lines, or readable ones when stdout is a terminal (src/lib/log-format.ts).
const logStream = logDestination(process.stdout, process.env.LOG_FORMAT);
const log = (message: string) => logStream.write(`${JSON.stringify({ level: 30, time: new Date().toISOString(), msg: message })}\n`);

await ensureWebBuild(config.webDist, log);

const runtime = await openRuntime(config, log);
// The secret key, and every second-factor secret sealed with it (plaintext ones from before
// encryption, or ones an interrupted key rotation left under the next key) before serving.
const secretKey = await loadSecretKey(config);
try {
  const resealed = await resealMfaSecrets(runtime.db, secretKey.box);
  if (resealed > 0) log(`encrypted the second-factor secrets of ${resealed} account(s) with the secret key`);
  if (secretKey.pendingNext) await fs.rm(secretKey.pendingNext);
} catch (error) {
  log(`could not start: ${(error as Error).message}`);
  await runtime.shutdown();
  process.exit(1);
}
const app = await buildApp({ db: runtime.db, pool: runtime.pool, config, secrets: secretKey.box, logStream });

if (runtime.privilegedApp) {
  app.log.warn(
    "the app connects to PostgreSQL as a superuser or as the owner of audit_events, so it could switch off the audit trail's protections: set DATABASE_MIGRATION_URL and BRIDGEWAY_APP_ROLE (docs/security.md)",
  );
}
// Chain new audit rows every second and anchor the head outside the database; any instance
// may do it, one at a time (the database function takes an advisory lock).
const sealer = startAuditSealer({ db: runtime.db, anchorFile: config.auditAnchorFile, log: app.log });
// Forget throttle rows of emails nobody has tried for a day.
const throttleExpiry = setInterval(() => void expireThrottleRows(runtime.db).catch(() => 0), 3_600_000);
throttleExpiry.unref();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  clearInterval(throttleExpiry);
  const force = setTimeout(() => process.exit(1), 25_000);
  force.unref();
  try {
    await app.close(); // stops accepting, waits for in-flight requests
    await sealer.stop();
    await runtime.shutdown();
    log('stopped');
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host: config.host, port: config.port });
  const origin = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  log(`Bridgeway is running at ${origin} (${runtime.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'})`);
} catch (error) {
  const inUse = (error as { code?: string }).code === 'EADDRINUSE';
  app.log.error(
    { err: { message: (error as Error).message } },
    inUse
      ? `could not start: port ${config.port} is already in use (is Bridgeway already running? set PORT to use another)`
      : 'could not start',
  );
  await runtime.shutdown();
  process.exit(1);
}
