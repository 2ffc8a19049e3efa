import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startServer, stopServer, type RunningServer } from '../../test/support/server.ts';
import { formatTable, launchChromium, measurePage, medianRun, visitOnce, type Browser, type PageResult } from './lighthouse.ts';

/**
 * `npm run bench:web [-- --runs 3 --details]`: Lighthouse (mobile, simulated slow 4G) on
 * sign-in, My caseload and a patient page of the demo organization, served by a real server
 * (`node src/main.ts`) from a fresh production build, with its own embedded PostgreSQL in a
 * temporary folder. Each page is measured `--runs` times; the table shows the median run. The
 * signed-in pages are cold visits (empty HTTP cache, no service worker) of a person who has used
 * Bridgeway on this phone before (visitOnce).
 * PORT, BRIDGEWAY_PG_PORT and BRIDGEWAY_DATA_DIR (an empty or new folder) choose where it runs;
 * `--save DIR` keeps each run's Lighthouse report there (open it in the Lighthouse viewer);
 * `--recordings DIR` keeps what Lighthouse recorded of each run (its trace and network log, in
 * DIR/<page>-<run>/), which `npm run bench:web:replay` simulates again, changed.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    details: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    save: { type: 'string' },
    recordings: { type: 'string' },
    // Which pages to measure, by name (comma-separated): sign-in, caseload, patient. All by default.
    pages: { type: 'string', default: 'sign-in,caseload,patient' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

const root = path.join(import.meta.dirname, '../..');
const node = process.execPath;

if (!values['skip-build']) {
  const build = spawnSync(
    node,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('the web app did not build');
}

const ownDataDir = !process.env.BRIDGEWAY_DATA_DIR;
const dataDir = process.env.BRIDGEWAY_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'bridgeway-bench-web-'));
if (!ownDataDir && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  throw new Error(`BRIDGEWAY_DATA_DIR (${dataDir}) must be empty or new: the bench creates its own organizations there`);
}
const env = {
  BRIDGEWAY_DATA_DIR: dataDir,
  BRIDGEWAY_PG_PORT: process.env.BRIDGEWAY_PG_PORT ?? String(await freePort()),
  DATABASE_URL: undefined,
  DATABASE_MIGRATION_URL: undefined,
  BRIDGEWAY_WEB_DIST: undefined,
};
const port = process.env.PORT ? Number(process.env.PORT) : await freePort();

let server: RunningServer | null = null;
let browser: Browser | null = null;
try {
  // The demo organization (synthetic staff and 300 patients), then a real first-run setup so
  // that the app offers sign-in rather than the setup page.
  const demo = spawnSync(node, [path.join(root, 'src/cli/main.ts'), 'demo'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const password = /password: (\S+)/.exec(demo.stdout)?.[1];
  if (demo.status !== 0 || !password) throw new Error(`bridgeway demo failed:\n${demo.stdout}\n${demo.stderr}`);

  server = await startServer(env, port);
  const origin = server.origin;
  const call = async (method: string, url: string, body?: unknown, cookie?: string) => {
    const response = await fetch(`${origin}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return {
      body: (await response.json()) as Record<string, unknown>,
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    };
  };
  await call('POST', '/api/setup', {
    organizationName: 'Bench Clinic',
    timeZone: 'America/New_York',
    adminName: 'Bench Admin',
    adminEmail: 'admin@bench-web.invalid',
    adminPassword: 'a bench passphrase nobody uses',
  });
  const session = await call('POST', '/api/session', { email: 'casemanager@demo.bridgeway.invalid', password });
  const caseload = await call('GET', '/api/caseload', undefined, session.cookie);
  const patientId = (caseload.body.items as { patientId: string }[] | undefined)?.[0]?.patientId;
  if (!patientId) throw new Error('the demo case manager has no patients on their caseload');

  const chosen = new Set(values.pages.split(',').map((name) => name.trim()));
  const pages = [
    { name: 'sign-in', page: 'sign-in', url: `${origin}/sign-in`, cookie: null },
    { name: 'caseload', page: 'My caseload', url: `${origin}/caseload`, cookie: session.cookie },
    { name: 'patient', page: 'patient page', url: `${origin}/patients/${patientId}`, cookie: session.cookie },
  ].filter((candidate) => chosen.delete(candidate.name));
  if (chosen.size > 0) throw new Error(`--pages: no page named ${[...chosen].join(', ')} (sign-in, caseload, patient)`);
  browser = await launchChromium();
  const rows: { page: string; result: PageResult }[] = [];
  for (const { page, url, cookie } of pages) {
    // The signed-in pages are measured as a returning user opens them (visitOnce).
    if (cookie !== null) await visitOnce(browser, url, cookie);
    const results: PageResult[] = [];
    for (let run = 0; run < runs; run += 1) {
      const recording =
        values.recordings === undefined ? undefined : path.resolve(values.recordings, `${page.replace(/\W+/g, '-')}-${run + 1}`);
      const result = await measureWithRetry(browser, url, cookie, recording);
      results.push(result);
      if (values.save) {
        mkdirSync(values.save, { recursive: true });
        writeFileSync(path.join(values.save, `${page.replace(/\W+/g, '-')}-${run + 1}.json`), JSON.stringify(result.report));
      }
      console.error(`${page} run ${run + 1}/${runs}: performance ${result.performance}, LCP ${Math.round(result.lcpMs)} ms`);
    }
    rows.push({ page, result: medianRun(results) });
  }

  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  const benchmarkIndex = Math.round(rows.reduce((sum, row) => sum + row.result.benchmarkIndex, 0) / rows.length);
  console.log(
    `\nLighthouse ${lighthouseVersion()}, mobile, simulated slow 4G; median of ${runs} run(s); ` +
      `load average ${load} on ${os.availableParallelism()} cores; CPU benchmark index ${benchmarkIndex}\n`,
  );
  console.log(formatTable(rows));
  if (values.details) {
    for (const { page, result } of rows) {
      console.log(`\n${page}: requests by bytes transferred`);
      for (const request of result.requests.slice(0, 15)) {
        console.log(
          `  ${String(Math.round(request.transferredBytes / 102.4) / 10).padStart(7)} KB  ${request.resourceType.padEnd(10)} ${request.url.replace(origin, '')}`,
        );
      }
      console.log(`${page}: audits below 0.9`);
      for (const failed of result.failedAudits) console.log(`  ${failed}`);
    }
  }
} finally {
  await browser?.close();
  if (server) await stopServer(server);
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART, more often on a busy machine): try again. */
async function measureWithRetry(chromium: Browser, url: string, cookie: string | null, recording?: string): Promise<PageResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await measurePage(chromium, url, cookie, recording);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.error(`${url}: ${(error as Error).message}; trying again`);
    }
  }
}

function lighthouseVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
