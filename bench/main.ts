import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/lib/auth/passwords.ts';
import { loadConfig } from '../src/lib/config.ts';
import type { Actor } from '../src/lib/context.ts';
import { connectDatabase } from '../src/lib/db/database.ts';
import { startEmbeddedPostgres } from '../src/lib/db/embedded.ts';
import { migrate } from '../src/lib/db/migrate.ts';
import { caseloadQuery } from '../src/modules/episodes/caseload.ts';
import { searchPatientsQuery } from '../src/modules/patients/queries.ts';
import { presentPatient } from '../src/modules/patients/presenter.ts';
import { episodesSection } from '../src/modules/episodes/overview.ts';
import { TestClient } from '../test/support/client.ts';
import { freePort } from '../test/support/server.ts';
import { urlFor } from '../test/support/db.ts';
import { generate } from './generate.ts';

/**
 * `npm run bench [-- --patients 1000000 --iterations 200]`: synthetic data, then each scenario
 * timed through the API (in-process HTTP: routing, validation, sign-in, access check, audit
 * row) and as the same query run raw on the same database, so the app's overhead is a ratio.
 */
const { values } = parseArgs({
  options: { patients: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '200' } },
});
const patients = Number(values.patients);
const iterations = Number(values.iterations);
const PASSWORD = 'bench passphrase for synthetic staff';

let tempDir: string | null = null;
let stopEmbedded: (() => Promise<void>) | null = null;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort() });
  stopEmbedded = () => embedded.stop();
  adminUrl = embedded.url;
}
const database = `bw_bench_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = urlFor(adminUrl, database);

try {
  const handle = connectDatabase(url, { max: 10 });
  await migrate(handle.pool);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // the clean-up below ends this connection by force
  await client.connect();
  let started = performance.now();
  const world = await generate(client, patients, await hashPassword(PASSWORD));
  const generation = (performance.now() - started) / 1000;
  const size = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');

  const app = await buildApp({ db: handle.db, pool: handle.pool, config: { ...loadConfig({}), webDist: '/nonexistent' }, logger: false });
  await app.ready();
  const caseManager = new TestClient(app);
  await caseManager.signIn('cm1@bench.invalid', PASSWORD);
  const supervisor = new TestClient(app);
  await supervisor.signIn('sup1@bench.invalid', PASSWORD);
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
  });
  const cmActor = actorOf(world.caseManagerIds[0] ?? '', ['case-manager']);
  const supActor = actorOf(world.supervisorIds[0] ?? '', ['supervisor']);
  const fragments = ['mar', 'whit', 'del', 'ana', 'rosa', 'ochoa', 'tenn', 'jess', 'brand', 'lupi'];
  const myPatients = (
    await client.query<{ id: string }>(
      `SELECT p.id FROM patients p JOIN care_team_members m ON m.episode_id IN (SELECT id FROM episodes WHERE patient_id = p.id) WHERE m.user_id = $1 LIMIT 100`,
      [cmActor.userId],
    )
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
  const expect200 = async (response: Promise<{ status: number }>) => {
    const answer = await response;
    if (answer.status !== 200) throw new Error(`bench request answered ${answer.status}`);
  };
  const raw = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const compiled = query.compile();
    return client.query(compiled.sql, compiled.parameters as unknown[]);
  };

  const scenarios: [name: string, app: (i: number) => Promise<unknown>, sql: (i: number) => Promise<unknown>][] = [
    [
      'patient search, name fragment (supervisor: a program)',
      (i) => expect200(supervisor.get(`/api/patients?q=${fragments[i % fragments.length]}`)),
      (i) => raw(searchPatientsQuery(handle.db, supActor, { q: fragments[i % fragments.length] ?? 'mar' }, 50)),
    ],
    [
      'patient search, name fragment (case manager)',
      (i) => expect200(caseManager.get(`/api/patients?q=${fragments[i % fragments.length]}`)),
      (i) => raw(searchPatientsQuery(handle.db, cmActor, { q: fragments[i % fragments.length] ?? 'mar' }, 50)),
    ],
    [
      'patient overview',
      (i) => expect200(caseManager.get(`/api/patients/${myPatients[i % myPatients.length] ?? ''}`)),
      async (i) => {
        const row = await handle.db
          .selectFrom('patients')
          .selectAll()
          .where('id', '=', myPatients[i % myPatients.length] ?? '')
          .executeTakeFirstOrThrow();
        return Promise.all([
          presentPatient(handle.db, row),
          episodesSection.load(handle.db, { actor: cmActor, requestId: 'bench', ip: null, userAgent: null }, row.id),
        ]);
      },
    ],
    [
      'my caseload (150 rows)',
      () => expect200(caseManager.get('/api/caseload?limit=200')),
      () => raw(caseloadQuery(handle.db, cmActor, {}, today, 200)),
    ],
  ];

  console.log(
    `\nBridgeway bench: ${patients.toLocaleString('en-US')} patients, ${world.caseManagerIds.length} case managers, database ${size.rows[0]?.size ?? '?'} (${adminUrl === process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`,
  );
  console.log(`generated in ${generation.toFixed(1)} s; ${iterations} timed runs per scenario after 10 warm-up runs; milliseconds\n`);
  const rows: string[][] = [['scenario', 'api p50', 'api p95', 'sql p50', 'sql p95', 'api/sql p50']];
  for (const [name, viaApi, viaSql] of scenarios) {
    started = performance.now();
    const apiSamples = await time(viaApi);
    const sqlSamples = await time(viaSql);
    rows.push([
      name,
      pct(apiSamples, 50).toFixed(1),
      pct(apiSamples, 95).toFixed(1),
      pct(sqlSamples, 50).toFixed(1),
      pct(sqlSamples, 95).toFixed(1),
      (pct(apiSamples, 50) / Math.max(0.01, pct(sqlSamples, 50))).toFixed(1),
    ]);
  }
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  '));

  // The plans of the hot queries, to read beside the numbers (STYLE: EXPLAIN what bench runs).
  const plan = async (label: string, query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const compiled = query.compile();
    const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${compiled.sql}`, compiled.parameters as unknown[]);
    const lines = result.rows.map((row) => row['QUERY PLAN']);
    console.log(
      `\n${label}: ${lines
        .filter((line) => /Index|Seq Scan|Bitmap/.test(line))
        .map((line) => line.trim().replace(/\s+\(cost.*$/, ''))
        .slice(0, 6)
        .join(' | ')}`,
    );
  };
  await plan('search plan', searchPatientsQuery(handle.db, supActor, { q: 'whit' }, 50));
  await plan('caseload plan', caseloadQuery(handle.db, cmActor, {}, today, 200));
  await app.close();
  await client.end();
  await handle.close();
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await stopEmbedded?.();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
