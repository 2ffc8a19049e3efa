import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { globSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/lib/db/embedded.ts';
import { migrate } from '../src/lib/db/migrate.ts';
import { urlFor } from '../test/support/db.ts';
import { coverageFlags, formatCoverage, formatNotRun } from './test-output.ts';
import type { RunSummary } from './summary-reporter.ts';

/**
 * `npm test`: the whole suite against one PostgreSQL — the embedded one by default, or the
 * server in DATABASE_URL. Prepares a migrated template database that each test file clones,
 * builds the web app for the browser tests, runs the files in parallel and ends with the line
 * `N passed, N failed, N skipped` (todo tests count as skipped). Extra arguments are test file
 * paths or globs, to run a subset. `--coverage` (on by default when CI is set; `--no-coverage`
 * turns it off) measures line, branch and function coverage of src/ and web/src/ with Node's
 * own coverage and prints the totals and the ten least-covered files before the last line.
 */
const root = path.join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const underCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const coverage = args.includes('--coverage') || (underCi && !args.includes('--no-coverage'));
const requested = args.filter((arg) => arg !== '--coverage' && arg !== '--no-coverage');
const runId = randomBytes(3).toString('hex');
const template = `bw_tpl_${runId}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let stopEmbedded: (() => Promise<void>) | null = null;
let tempDir: string | null = null;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-test-'));
  const embedded = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), log: (m) => console.error(m) });
  stopEmbedded = () => embedded.stop();
  adminUrl = embedded.url;
  console.log('database: embedded PostgreSQL (fresh, temporary)');
} else {
  console.log('database: DATABASE_URL');
}

// Ctrl-C: stop the temporary PostgreSQL and remove its folder rather than orphan it.
process.once('SIGINT', () => {
  void (stopEmbedded?.() ?? Promise.resolve()).finally(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    process.exit(130);
  });
});

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
let exitCode = 1;
try {
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = new pg.Pool({ connectionString: urlFor(adminUrl, template), max: 1 });
  await migrate(pool);
  await pool.end();

  const files = (requested.length > 0 ? requested : ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'])
    .flatMap((pattern) => globSync(pattern, { cwd: root }))
    .sort();
  if (files.some((file) => file.startsWith('test/e2e/'))) {
    // The browser tests drive the production build, as a user would get it.
    const build = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('the web app did not build');
  }
  const summaryFile = path.join(os.tmpdir(), `bridgeway-test-summary-${runId}.json`);
  const child = spawn(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${Math.max(2, Math.min(4, os.availableParallelism() * 2))}`,
      ...(coverage ? coverageFlags : []),
      `--test-reporter=${path.join(root, 'scripts/spec-reporter.ts')}`,
      '--test-reporter-destination=stdout',
      `--test-reporter=${path.join(root, 'scripts/summary-reporter.ts')}`,
      `--test-reporter-destination=${summaryFile}`,
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        BRIDGEWAY_TEST_ADMIN_URL: adminUrl,
        BRIDGEWAY_TEST_TEMPLATE: template,
        BRIDGEWAY_TEST_RUN_ID: runId,
      },
    },
  );
  exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
  rmSync(summaryFile, { force: true });
  if (exitCode !== 0 && summary.failed === 0) {
    // The runner failed outside any test (a file-level hook, a crash): still a failure.
    console.log(`\nthe test runner exited with code ${exitCode} though no test failed: counted as one failure`);
    summary.failed = 1;
  }
  if (summary.failed > 0 || summary.passed === 0) exitCode = exitCode || 1;
  if (summary.coverage) console.log(`\n${formatCoverage(summary.coverage)}`);
  if (summary.notRun.length > 0) console.log(`\n${formatNotRun(summary.notRun)}`);
  console.log(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
} finally {
  const leftovers = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`bw_%_${runId}%`]);
  for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
  await stopEmbedded?.();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
process.exit(exitCode);
