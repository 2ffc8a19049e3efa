import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/lib/auth/passwords.ts';
import { newTotpSecret } from '../src/lib/auth/totp.ts';
import { sealMfaSecret } from '../src/modules/session/mfa-secrets.ts';
import { testSecrets } from '../test/support/factories.ts';
import { loadConfig } from '../src/lib/config.ts';
import type { Actor } from '../src/lib/context.ts';
import { connectDatabase } from '../src/lib/db/database.ts';
import { startEmbeddedPostgres } from '../src/lib/db/embedded.ts';
import { migrate } from '../src/lib/db/migrate.ts';
import { TestClient } from '../test/support/client.ts';
import { freePort } from '../test/support/server.ts';
import { urlFor } from '../test/support/db.ts';
import { generate, moduleBenches, reusedWorld } from './generate.ts';
import { runLoad } from './load.ts';
import type { BenchEnv } from './world.ts';

/**
 * `npm run bench [-- --patients 1000000 --iterations 200]`: synthetic data, then each scenario
 * timed through the API (in-process HTTP: routing, validation, sign-in, access check, audit
 * row) and as the same query run raw on the same database, so the app's overhead is a ratio.
 * `npm run bench -- --load [--connections 50 --seconds 60 --warmup 10]`: the same data, then
 * the real server under load instead (bench/load.ts). `--only search` times only the scenarios
 * whose name contains it; `--keep` (with DATABASE_URL) leaves the database for EXPLAIN by hand,
 * and `--reuse <database>` (with DATABASE_URL and the same `--patients`) times a kept one again,
 * migrated to the code at hand: two versions of a query on one dataset, without generating
 * a million patients twice; `--interleave` times the scenarios round-robin rather than one
 * after another, so that a shared machine's changing load falls on every row alike. With `--load`: `--baseline DIR` (another checkout's server first,
 * then this one's, on the same data), `--statements` (pg_stat_statements), `--server-flags` and
 * `--server-log` (profiles, GC traces, heap snapshots): docs/performance.md, "Under load".
 */
const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '200' },
    load: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    // Only the scenarios whose name contains this (case-insensitive), e.g. `--only search`.
    only: { type: 'string' },
    // Leave the generated database in place (on DATABASE_URL only) to read its plans by hand.
    keep: { type: 'boolean', default: false },
    // --load only: node flags for the server process, e.g. --server-flags='--cpu-prof --cpu-prof-dir=/tmp/prof'
    // or '--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp/heap' (then a snapshot is taken at
    // the start and at the end of the measured run).
    'server-flags': { type: 'string', default: '' },
    // --load only: the server's own output (its warnings, --trace-gc lines) written to this file.
    'server-log': { type: 'string' },
    // --load only: the statements PostgreSQL spent the measured run on (pg_stat_statements; the
    // embedded PostgreSQL loads it, a DATABASE_URL server must have it in shared_preload_libraries).
    statements: { type: 'boolean', default: false },
    // --load only: first the same load on the server of another checkout of Bridgeway (same
    // migrations), then on this one: before and after, back to back, on the same data.
    baseline: { type: 'string' },
    // A database an earlier `--keep` left (its name, on DATABASE_URL): migrate, then time it.
    reuse: { type: 'string' },
    // Time the scenarios round-robin (each one's API and SQL once per round) instead of each in
    // one stretch: on a shared machine the load changes by the minute, and this makes it fall on
    // every row alike, so that two rows of one run (a plan before and after) compare fairly.
    interleave: { type: 'boolean', default: false },
    // Only these modules' rows and scenarios (comma-separated names, e.g. `patients,episodes`):
    // a lean million for the search scenarios, when a whole generation would take an hour.
    modules: { type: 'string' },
  },
});
const patients = Number(values.patients);
const iterations = Number(values.iterations);
const PASSWORD = 'bench passphrase for synthetic staff';

let tempDir: string | null = null;
let stopEmbedded: (() => Promise<void>) | null = null;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-bench-'));
  const embedded = await startEmbeddedPostgres({
    dataDir: tempDir,
    port: await freePort(),
    ...(values.statements ? { settings: { shared_preload_libraries: 'pg_stat_statements' } } : {}),
  });
  stopEmbedded = () => embedded.stop();
  adminUrl = embedded.url;
}
if (values.reuse !== undefined && (stopEmbedded || !/^bw_bench_[0-9a-f]{6}$/.test(values.reuse))) {
  throw new Error('--reuse takes the name of a database an earlier --keep left on DATABASE_URL (bw_bench_…)');
}
const database = values.reuse ?? `bw_bench_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
if (!values.reuse) await admin.query(`CREATE DATABASE ${database}`);
const url = urlFor(adminUrl, database);

try {
  const handle = connectDatabase(url, { max: 10 });
  await migrate(handle.pool);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // the clean-up below ends this connection by force
  await client.connect();
  const started = performance.now();
  const benches = await moduleBenches(values.modules?.split(','));
  // On the embedded PostgreSQL (a process of this machine) the generation's backend runs at the
  // lowest CPU priority, so that a big generation does not starve whoever shares the machine;
  // the timed work after it runs at the usual priority (where this user may restore it).
  const backend = stopEmbedded ? ((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? null) : null;
  if (backend) os.setPriority(backend, 19);
  const world = values.reuse ? reusedWorld(patients) : await generate(client, patients, await hashPassword(PASSWORD), benches);
  // Generated audit rows arrive unsealed (the insert trigger refuses chain columns). Left so, a
  // running server's sealer spends the timed minutes sealing a backlog no real trail has: half a
  // core of PostgreSQL through a whole load run at 100,000 patients. Seal them before timing.
  let sealedRows = 0;
  for (;;) {
    const sealed = (await client.query<{ sealed: number }>('SELECT sealed FROM audit_seal(5000)')).rows[0]?.sealed ?? 0;
    if (sealed === 0) break;
    sealedRows += sealed;
  }
  if (backend) {
    try {
      os.setPriority(backend, os.getPriority());
    } catch {
      // only a privileged user may raise a priority again: the raw SQL then runs at the lowest
    }
  }
  const generation = (performance.now() - started) / 1000;
  const size = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
  const described = `${patients.toLocaleString('en-US')} patients, ${world.caseManagerIds.length} case managers, database ${size.rows[0]?.size ?? '?'} (${adminUrl === process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}), ${values.reuse ? `reused ${database}` : `generated in ${generation.toFixed(1)} s`}${sealedRows > 0 ? ` (${sealedRows.toLocaleString('en-US')} audit rows sealed)` : ''}`;

  /**
   * A new authenticator for a bench user who must sign in with a second factor; its secret.
   * New, with no last step used: an earlier run's, kept, would refuse this run's first code as
   * a replay when the runs are less than 30 s apart.
   */
  const newAuthenticator = async (userId: string): Promise<string> => {
    const secret = newTotpSecret();
    await client.query('UPDATE users SET mfa_secret = $1, mfa_enabled_at = now(), mfa_last_step = NULL WHERE id = $2', [
      sealMfaSecret(testSecrets, 'mfaSecret', userId, secret),
      userId,
    ]);
    return secret;
  };

  if (values.load) {
    // Supervisors must have a second factor: give the two signing in an authenticator each.
    const supervisorTotps = new Map<string, string>();
    for (const id of world.supervisorIds.slice(0, 2)) supervisorTotps.set(id, await newAuthenticator(id));
    await handle.close();
    console.log(`\nBridgeway load bench: ${described}`);
    let passed = true;
    for (const serverRoot of values.baseline ? [path.resolve(values.baseline), undefined] : [undefined]) {
      console.log(`\nserver: ${serverRoot ?? 'this checkout'}`);
      const run = await runLoad({
        databaseUrl: url,
        client,
        world,
        password: PASSWORD,
        supervisorTotps,
        connections: Number(values.connections),
        seconds: Number(values.seconds),
        warmupSeconds: Number(values.warmup),
        serverFlags: values['server-flags'].split(' ').filter((flag) => flag !== ''),
        serverLog: values['server-log'] && serverRoot ? `${values['server-log']}.baseline` : values['server-log'],
        statements: values.statements,
        ...(serverRoot ? { serverRoot } : {}),
      });
      passed &&= run;
    }
    if (!passed) process.exitCode = 1;
    await client.end();
  } else {
    const app = await buildApp({
      db: handle.db,
      pool: handle.pool,
      config: { ...loadConfig({}), webDist: '/nonexistent' },
      secrets: testSecrets,
      logger: false,
    });
    await app.ready();
    const caseManager = new TestClient(app);
    await caseManager.signIn('cm1@bench.invalid', PASSWORD);
    // Supervisors must have a second factor: give the timed one an authenticator.
    const supervisorTotp = await newAuthenticator(world.supervisorIds[0] ?? '');
    const supervisor = new TestClient(app);
    await supervisor.signIn('sup1@bench.invalid', PASSWORD, supervisorTotp);
    // Privacy officers too (the audit search, the disclosures log, the review queues).
    const privacyOfficerTotp = await newAuthenticator(world.privacyOfficerId);
    const privacyOfficer = new TestClient(app);
    await privacyOfficer.signIn('po1@bench.invalid', PASSWORD, privacyOfficerTotp);
    const actorOf = (userId: string, roles: Actor['roles']): Actor => ({
      userId,
      organizationId: world.organizationId,
      timeZone: 'America/Chicago',
      email: '',
      displayName: '',
      roles,
      locale: 'en',
      sessionId: null,
      apiKeyId: null,
      apiKeyCreatedBy: null,
    });
    const cmActor = actorOf(world.caseManagerIds[0] ?? '', ['case-manager']);
    const supActor = actorOf(world.supervisorIds[0] ?? '', ['supervisor']);
    const poActor = actorOf(world.privacyOfficerId, ['privacy-officer']);
    const myPatients = (
      await client.query<{ id: string }>(`SELECT patient_id AS id FROM care_team_members WHERE user_id = $1 LIMIT 100`, [cmActor.userId])
    ).rows.map((r) => r.id);
    const today = new Date().toISOString().slice(0, 10);

    async function time(work: (i: number) => Promise<unknown>): Promise<number[]> {
      for (let i = 0; i < 10; i++) await work(i); // warm up
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const t0 = performance.now();
        await work(i);
        samples.push(performance.now() - t0);
      }
      return samples.sort((a, b) => a - b);
    }
    const pct = (samples: number[], p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
    const env: BenchEnv = {
      world,
      db: handle.db,
      caseManager,
      supervisor,
      privacyOfficer,
      cmActor,
      supActor,
      poActor,
      ctxOf: (actor) => ({ actor, requestId: 'bench', ip: null, userAgent: null }),
      today,
      myPatients,
      raw: (query) => {
        const compiled = query.compile();
        return client.query(compiled.sql, compiled.parameters as unknown[]);
      },
      expect200: async (response) => {
        const answer = await response;
        if (answer.status !== 200) throw new Error(`bench request answered ${answer.status}`);
      },
    };
    const only = values.only?.toLowerCase();
    const scenarios = benches
      .flatMap((bench) => bench.scenarios?.(env) ?? [])
      .filter((scenario) => only === undefined || scenario.name.toLowerCase().includes(only));

    console.log(`\nBridgeway bench: ${described}`);
    console.log(`${iterations} timed runs per scenario after 10 warm-up runs${values.interleave ? ', round-robin' : ''}; milliseconds\n`);
    const rows: string[][] = [['scenario', 'api p50', 'api p95', 'sql p50', 'sql p95', 'api/sql p50']];
    const timed = new Map<(typeof scenarios)[number], { api: number[] | null; sql: number[] }>();
    if (values.interleave) {
      const take = async (work: (i: number) => Promise<unknown>, i: number, into: number[] | null) => {
        const t0 = performance.now();
        await work(i);
        into?.push(performance.now() - t0);
      };
      for (const scenario of scenarios) timed.set(scenario, { api: scenario.app ? [] : null, sql: [] });
      for (let i = -10; i < iterations; i++) {
        for (const scenario of scenarios) {
          const samples = timed.get(scenario);
          if (scenario.app) await take(scenario.app, i + 10, i < 0 ? null : (samples?.api ?? null));
          await take(scenario.sql, i + 10, i < 0 ? null : (samples?.sql ?? null));
        }
      }
      for (const samples of timed.values()) {
        samples.api?.sort((a, b) => a - b);
        samples.sql.sort((a, b) => a - b);
      }
    } else {
      for (const scenario of scenarios)
        timed.set(scenario, { api: scenario.app ? await time(scenario.app) : null, sql: await time(scenario.sql) });
    }
    for (const [{ name }, { api: apiSamples, sql: sqlSamples }] of timed) {
      rows.push([
        name,
        apiSamples ? pct(apiSamples, 50).toFixed(1) : '–',
        apiSamples ? pct(apiSamples, 95).toFixed(1) : '–',
        pct(sqlSamples, 50).toFixed(1),
        pct(sqlSamples, 95).toFixed(1),
        apiSamples ? (pct(apiSamples, 50) / Math.max(0.01, pct(sqlSamples, 50))).toFixed(1) : '–',
      ]);
    }
    const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
    for (const row of rows)
      console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  '));

    // The plans of the hot queries, to read beside the numbers (STYLE: EXPLAIN what bench runs).
    for (const { name, plan } of scenarios) {
      if (!plan) continue;
      const compiled = plan.compile();
      const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${compiled.sql}`, compiled.parameters as unknown[]);
      const lines = result.rows.map((row) => row['QUERY PLAN']);
      console.log(
        `\n${name}: ${lines
          .filter((line) => /Index|Seq Scan|Bitmap/.test(line))
          .map((line) => line.trim().replace(/\s+\(cost.*$/, ''))
          .slice(0, 6)
          .join(' | ')}`,
      );
    }
    await app.close();
    await client.end();
    await handle.close();
  }
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  if ((values.keep || values.reuse) && !stopEmbedded) console.log(`\nkept: ${url}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await stopEmbedded?.();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
// A run that failed half-way may leave its in-process app and connections open: it has said
// why, and ends rather than waiting on them.
if (process.exitCode === 1) process.exit();
