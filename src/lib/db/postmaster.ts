import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * The embedded cluster's previous server, as its lock file (`postmaster.pid`) describes it: is
 * one still running, and has the one that was killed really let go of the cluster? Used by
 * embedded.ts before it starts PostgreSQL on a folder an earlier run may have left behind.
 *
 * A killed process is a zombie until its parent reaps it, and a PostgreSQL orphaned by a
 * killed Bridgeway has pid 1 as its parent, which may reap late (every two seconds on some
 * container inits) or never (npm, a shell or node as pid 1). `kill(pid, 0)` succeeds on a
 * zombie, so it looks alive to us and to PostgreSQL's own lock-file check, which then refuses
 * to start. Here a zombie counts as exited.
 */
const WAIT_MS = 60_000;

interface LockFile {
  pid: number;
  port: number | null;
  /** The System V segment PostgreSQL uses to tell whether any of its processes remain. */
  shm: { key: string; id: string } | null;
}

/** postmaster.pid: line 1 the pid, line 4 the port, line 7 "<shm key> <shm id>". */
async function readLockFile(clusterDir: string): Promise<LockFile | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const port = Number(lines[3]);
  const [key, id] = (lines[6] ?? '').trim().split(/\s+/);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : null, shm: key && id ? { key, id } : null };
}

/**
 * The pid of the postmaster running this cluster, if one is: a zombie is not running, and
 * neither is another process that got the pid after a reboot (a power cut leaves the lock file).
 */
export async function runningPostmaster(clusterDir: string): Promise<number | null> {
  const lock = await readLockFile(clusterDir);
  return lock && isRunning(lock.pid) && isPostmasterOf(lock.pid, clusterDir) ? lock.pid : null;
}

/** The port the running server listens on. */
export async function postmasterPort(clusterDir: string): Promise<number | null> {
  return (await readLockFile(clusterDir))?.port ?? null;
}

/**
 * If Bridgeway was killed (SIGKILL, crash) its PostgreSQL child keeps running and holds the
 * cluster. Ask it for a fast shutdown (SIGINT: committed work is already durable in the WAL)
 * and wait until it has exited, which a zombie has.
 */
export async function stopOrphanedServer(pid: number, log?: (message: string) => void): Promise<void> {
  log?.(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  await until(() => Promise.resolve(!isRunning(pid)));
}

/**
 * Before starting on a cluster whose previous server died: wait until none of its processes is
 * still attached to its shared memory (a killed postmaster's backends exit on their own, soon
 * after), then remove the lock file if its pid still exists (a zombie, or another process that
 * got the pid), which PostgreSQL would take for a live server and refuse to start. PostgreSQL
 * still checks the shared memory itself, so this cannot start a second server on a live cluster.
 */
export async function releaseDeadServer(clusterDir: string, log?: (message: string) => void): Promise<void> {
  const lock = await readLockFile(clusterDir);
  if (!lock || (isRunning(lock.pid) && isPostmasterOf(lock.pid, clusterDir))) return;
  await until(async () => !(await shmAttached(lock.shm)));
  if (exists(lock.pid)) {
    log?.(
      isZombie(lock.pid)
        ? `the embedded PostgreSQL killed earlier (pid ${lock.pid}) has exited but is not yet reaped: clearing its lock file`
        : `the lock file of the embedded PostgreSQL names pid ${lock.pid}, now another process: clearing it`,
    );
    await fs.rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
  }
}

async function until(done: () => Promise<boolean>): Promise<void> {
  // No event tells us when a process that is not our child exits: ask every 50 ms, a minute at most.
  for (const started = Date.now(); !(await done()) && Date.now() - started < WAIT_MS;) await delay(50);
}

export async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie. */
export function isRunning(pid: number): boolean {
  return exists(pid) && !isZombie(pid);
}

/** Any process with this pid, zombies included (what kill(pid, 0) tells). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** /proc/<pid>/stat's third field is the state; Z is a process that exited and awaits its parent. */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // gone, or no /proc
  }
  // The command name (field 2) is in parentheses and may contain spaces: read after the last ')'.
  const end = stat.lastIndexOf(')');
  return stat.slice(end + 2, end + 3) === 'Z';
}

/** Whether any process is still attached to the segment (Linux: /proc/sysvipc/shm); false when unknown or gone. */
async function shmAttached(shm: LockFile['shm']): Promise<boolean> {
  if (!shm) return false;
  let table: string;
  try {
    table = await fs.readFile('/proc/sysvipc/shm', 'utf8');
  } catch {
    return false; // not Linux: PostgreSQL's own check decides
  }
  for (const line of table.split('\n').slice(1)) {
    const [key, id, , , , , nattch] = line.trim().split(/\s+/);
    if (key === shm.key && id === shm.id) return Number(nattch) > 0;
  }
  return false;
}

/** The process is a postmaster started on this cluster (`postgres -D <clusterDir> …`). */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return !existsSync('/proc/self'); // no /proc to ask: trust the lock file
  }
  const dataArg = args.indexOf('-D');
  return dataArg >= 0 && path.resolve(args[dataArg + 1] ?? '') === path.resolve(clusterDir);
}
