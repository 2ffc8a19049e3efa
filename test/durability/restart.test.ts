import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/lib/db/embedded.ts';
import { freePort } from '../support/server.ts';

/**
 * Starting again at once after the embedded PostgreSQL was SIGKILLed. A killed process stays a
 * zombie until its parent reaps it; PostgreSQL orphaned by a killed Bridgeway belongs to pid 1,
 * which may reap late or never (npm, a shell or node as a container's first process). Here the
 * test process is the parent and, blocked in spawnSync, does not reap: the killed postmaster
 * is a zombie for the whole restart, and its lock file still names it.
 *
 * And after a power cut: the lock file survives the reboot and may name a pid that now
 * belongs to some other process.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-restart-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return 'gone';
  }
}

test(
  'a restart right after SIGKILL of PostgreSQL starts, while the killed postmaster is still a zombie',
  { timeout: 120_000 },
  async (t) => {
    if (process.platform !== 'linux') return t.skip('zombie states are read from /proc');
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    const client = new pg.Client({ connectionString: first.appUrl });
    client.on('error', () => {}); // its backend dies with the postmaster
    await client.connect();
    await client.query('SELECT 1');
    const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    // From the kill to the end of the restart nothing awaits, so this process cannot reap.
    process.kill(postmaster, 'SIGKILL');
    const waitUntil = Date.now() + 10_000;
    while (processState(postmaster) !== 'Z' && Date.now() < waitUntil) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    assert.equal(processState(postmaster), 'Z', 'the killed postmaster is a zombie');
    const restart = spawnSync(process.execPath, [path.join(import.meta.dirname, '../support/embedded-start.ts'), dataDir, String(port)], {
      encoding: 'utf8',
      timeout: 45_000,
    });
    const stateDuringRestart = processState(postmaster);
    assert.equal(restart.status, 0, `the restart failed:\n${restart.stdout}${restart.stderr}`);
    assert.match(restart.stdout, /started; connected as bridgeway_app/);
    assert.equal(stateDuringRestart, 'Z', 'the old postmaster was a zombie throughout');
  },
);

test(
  'a lock file left by a power cut, naming a pid that another process now has, does not stop the start',
  { timeout: 120_000 },
  async (t) => {
    if (process.platform !== 'linux') return t.skip('process command lines are read from /proc');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-reboot-'));
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir: folder, port });
    const lockFile = path.join(folder, 'pg', 'postmaster.pid');
    const lock = readFileSync(lockFile, 'utf8');
    await first.stop();
    // The new owner of the pid runs as PostgreSQL's own user, as it would on a desktop install
    // (PostgreSQL cannot signal another user's process and would ignore it).
    const { uid, gid } = statSync(path.join(folder, 'pg'));
    const other = spawn('sleep', ['300'], { stdio: 'ignore', ...(process.getuid?.() === 0 ? { uid, gid } : {}) });
    try {
      // What the disk holds after the power cut and reboot: the old lock file, its pid reused.
      writeFileSync(lockFile, lock.replace(/^\d+/, String(other.pid)));
      const second = await startEmbeddedPostgres({ dataDir: folder, port });
      try {
        const client = new pg.Client({ connectionString: second.appUrl });
        await client.connect();
        assert.equal((await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one, 1);
        await client.end();
      } finally {
        await second.stop();
      }
    } finally {
      other.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  },
);
