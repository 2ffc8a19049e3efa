import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type pg from 'pg';
import { SESSION_COOKIE } from '../src/lib/auth/sessions.ts';
import { BUILD_STAMP, webSourceFingerprint } from '../src/lib/web-build.ts';
import { nextTotp } from '../test/support/client.ts';
import { TEST_SECRET_KEY } from '../test/support/factories.ts';
import { freePort, startServer, stopServer } from '../test/support/server.ts';
import { searchFragments } from './names.ts';
import type { BenchWorld } from './world.ts';

/**
 * `npm run bench -- --load`: the real server (`node src/main.ts`, its own process) on loopback
 * under autocannon, `connections` clients for `seconds`, after a warm-up that is not counted.
 * The clients are 10 case managers and 2 supervisors, signed in over HTTP; each client is one
 * of them and sends, one request at a time, a mix like a working day's: name search 35 %, a
 * patient's overview 30 %, My caseload 25 %, and a change to one of their patients 10 %
 * (a preferred name, with If-Match; supervisors search instead). Every answer must be a 2xx.
 */
export interface LoadOptions {
  databaseUrl: string;
  client: pg.Client;
  world: BenchWorld;
  password: string;
  /** The supervisors' authenticator secrets (each has a second factor). */
  supervisorTotps: Map<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Node flags for the server process (`--cpu-prof`, `--trace-gc`, `--heapsnapshot-signal=…`). */
  serverFlags: string[];
  /** Where to write the server's output at the end. */
  serverLog?: string;
  /** Report the statements of the measured run from pg_stat_statements. */
  statements: boolean;
  /** Run the server of another checkout (its src/main.ts) instead of this one's. */
  serverRoot?: string;
}

type Kind = 'search' | 'overview' | 'caseload' | 'write';
const MIX: [Kind, number][] = [
  ['search', 0.35],
  ['overview', 0.3],
  ['caseload', 0.25],
  ['write', 0.1],
];

interface User {
  email: string;
  supervisor: boolean;
  cookie: string;
  csrf: string;
  /** Patients this user may open. */
  patients: string[];
}

interface SlotContext {
  slot: number;
  kind?: Kind;
}

/** What autocannon's client keeps per connection (not in its types). */
interface ClientIterator {
  initialContext: SlotContext;
  context: SlotContext;
  rebuildRequest: () => void;
}

interface Slot {
  user: User;
  /** The patient this client changes, and the version it last read. */
  writeTarget: string;
  version: number;
  counter: number;
}

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** Fields of /proc/<pid>/stat after the command: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
const stat = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ').map(Number) ?? [];
/** The process's CPU time so far (user + system), in seconds (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = stat(pid);
  return ((fields[11] ?? 0) + (fields[12] ?? 0)) / 100;
};
/** PostgreSQL's CPU time: the postmaster, its live backends, and those that have exited. */
function clusterCpuSeconds(postmaster: number): number {
  const own = stat(postmaster);
  let ticks = (own[11] ?? 0) + (own[12] ?? 0) + (own[13] ?? 0) + (own[14] ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = stat(Number(entry));
      if (fields[1] === postmaster) ticks += (fields[11] ?? 0) + (fields[12] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

/** A thread's time on a CPU and waiting in a run queue for one, in seconds (/proc/<pid>/task/<tid>/schedstat). */
const schedule = (pid: number) => {
  try {
    const [running = 0, waiting = 0] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { running: running / 1e9, waiting: waiting / 1e9 };
  } catch {
    return null; // a kernel without scheduler statistics
  }
};
/**
 * The machine's idle time so far, all its cores together, in seconds: idle and waiting for I/O,
 * the 4th and 5th counters of /proc/stat's first line (in 1/100 s). The whole machine's, even
 * where this process may use fewer of its cores.
 */
const machineIdleSeconds = () => {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/) ?? [];
  return (Number(fields[4] ?? 0) + Number(fields[5] ?? 0)) / 100;
};

async function signIn(origin: string, email: string, password: string, totp?: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, ...(totp ? { totp: nextTotp(totp) } : {}) }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 200 || !cookie || !body.csrfToken) throw new Error(`load: sign-in of ${email} answered ${response.status}`);
  return { cookie: cookie.split(';')[0] ?? '', csrf: body.csrfToken };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runLoad(options: LoadOptions): Promise<boolean> {
  const { client, world } = options;
  // The server serves the API only here: a stand-in for the web build so that it does not
  // build the web app first (the stamp says "built from these sources").
  const dist = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-load-web-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-load-data-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Bridgeway</title>');
  writeFileSync(path.join(dist, BUILD_STAMP), webSourceFingerprint());
  const server = await startServer(
    {
      DATABASE_URL: options.databaseUrl,
      BRIDGEWAY_SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
      BRIDGEWAY_WEB_DIST: dist,
      BRIDGEWAY_DATA_DIR: dataDir,
      CREDENTIAL_ATTEMPTS_PER_MINUTE: '1000',
    },
    await freePort(),
    { nodeFlags: options.serverFlags, ...(options.serverRoot ? { root: options.serverRoot } : {}) },
  );
  const pid = server.process.pid ?? 0;
  try {
    // Patients the person can open: a restricted record (docs/restrictions.md) answers 404 to
    // those it shuts out, which is the product working, not an error of the load.
    const unrestricted = (alias: string) =>
      `NOT EXISTS (SELECT 1 FROM record_restrictions r WHERE r.patient_id = ${alias}.patient_id AND r.lifted_at IS NULL)`;
    const users: User[] = [];
    const caseManagers = world.caseManagerIds.slice(0, 10);
    for (const [index, id] of caseManagers.entries()) {
      const session = await signIn(server.origin, `cm${index + 1}@bench.invalid`, options.password);
      const patients = (
        await client.query<{ id: string }>(
          `SELECT patient_id AS id FROM care_team_members m WHERE user_id = $1 AND ended_on IS NULL AND ${unrestricted('m')} ORDER BY patient_id LIMIT 150`,
          [id],
        )
      ).rows.map((row) => row.id);
      users.push({ email: `cm${index + 1}@bench.invalid`, supervisor: false, ...session, patients });
    }
    for (const [index, id] of world.supervisorIds.slice(0, 2).entries()) {
      const session = await signIn(server.origin, `sup${index + 1}@bench.invalid`, options.password, options.supervisorTotps.get(id));
      const patients = (
        await client.query<{ id: string }>(
          `SELECT patient_id AS id FROM episodes e WHERE program_id = $1 AND ${unrestricted('e')} ORDER BY id LIMIT 300`,
          [world.programIds[index]],
        )
      ).rows.map((row) => row.id);
      users.push({ email: `sup${index + 1}@bench.invalid`, supervisor: true, ...session, patients });
    }
    const slots: Slot[] = [];
    for (let s = 0; s < options.connections; s++) {
      const user = users[s % users.length] as User;
      const writeTarget = user.patients[Math.floor(s / users.length)] ?? user.patients[0] ?? '';
      const version = (await client.query<{ version: number }>('SELECT version FROM patients WHERE id = $1', [writeTarget])).rows[0]
        ?.version;
      slots.push({ user, writeTarget, version: version ?? 1, counter: 0 });
    }
    const fragments = searchFragments(200, 11);
    let slotCounter = 0;
    const problems: string[] = [];
    let random = 12_345;
    const nextRandom = () => {
      random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0;
      return random / 4_294_967_296;
    };

    const run = async (seconds: number) => {
      // A change in flight when the previous run stopped was saved but its answer never read:
      // let the server finish it, then read every version again.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      for (const slot of slots) {
        const current = await client.query<{ version: number }>('SELECT version FROM patients WHERE id = $1', [slot.writeTarget]);
        slot.version = current.rows[0]?.version ?? slot.version;
      }
      const latencies: Record<Kind, number[]> = { search: [], overview: [], caseload: [], write: [] };
      const statuses = new Map<number, number>();
      slotCounter = 0;
      // With no callback autocannon returns its tracker, an event emitter that is also a promise.
      const instance = autocannon({
        url: server.origin,
        connections: options.connections,
        duration: seconds,
        timeout: 10,
        setupClient: (http) => {
          // Each client is one slot (one person, one write target) for the whole run. The
          // client built its first request before this ran: build it again for the slot.
          const iterator = (http as unknown as { requestIterator: ClientIterator }).requestIterator;
          iterator.initialContext = { slot: slotCounter++ % slots.length };
          iterator.context = { ...iterator.initialContext };
          iterator.rebuildRequest();
        },
        requests: [
          {
            setupRequest: (request, context) => {
              const slot = slots[(context as SlotContext).slot];
              if (!slot) return { ...request, method: 'GET', path: '/api/ready' }; // replaced before it is sent
              const { user } = slot;
              let roll = nextRandom();
              let kind: Kind = 'search';
              for (const [candidate, share] of MIX) {
                if (roll < share) {
                  kind = candidate;
                  break;
                }
                roll -= share;
              }
              if (kind === 'write' && user.supervisor) kind = 'search';
              (context as SlotContext).kind = kind;
              const headers: Record<string, string> = { cookie: user.cookie, 'user-agent': 'bridgeway-bench' };
              slot.counter++;
              const patient = user.patients[slot.counter % user.patients.length] ?? '';
              switch (kind) {
                case 'search':
                  return {
                    ...request,
                    method: 'GET',
                    path: `/api/patients?q=${encodeURIComponent(fragments[slot.counter % fragments.length] ?? 'smith')}`,
                    headers,
                  };
                case 'overview':
                  return { ...request, method: 'GET', path: `/api/patients/${patient}`, headers };
                case 'caseload':
                  return { ...request, method: 'GET', path: '/api/caseload?limit=200', headers };
                case 'write':
                  return {
                    ...request,
                    method: 'PATCH',
                    path: `/api/patients/${slot.writeTarget}`,
                    headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': user.csrf, 'if-match': `"${slot.version}"` },
                    body: JSON.stringify({ preferredName: `Bench ${slot.counter % 1000}` }),
                  };
              }
            },
            onResponse: (status, body, context) => {
              if (status >= 300 && problems.length < 3) problems.push(`${status} ${body.slice(0, 300)}`);
              if ((context as SlotContext).kind !== 'write') return;
              const slot = slots[(context as SlotContext).slot];
              // The version read back; after a conflict (counted as an error) the current one.
              const answer = JSON.parse(body) as { version?: number; currentVersion?: number };
              const version = status === 200 ? answer.version : answer.currentVersion;
              if (slot && typeof version === 'number') slot.version = version;
            },
          },
        ],
      }) as unknown as Promise<autocannon.Result> & { on: (event: 'response', listener: (...args: never[]) => void) => void };
      instance.on('response', (http: unknown, status: number, _bytes: number, time: number) => {
        const kind = (http as { requestIterator: { context: { kind?: Kind } } }).requestIterator.context.kind ?? 'search';
        latencies[kind].push(time);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
      const result = await instance;
      return { result, latencies, statuses };
    };

    const snapshotSignal = options.serverFlags.find((flag) => flag.startsWith('--heapsnapshot-signal='))?.split('=')[1];
    const snapshot = async () => {
      if (!snapshotSignal) return;
      // Written synchronously by the server: its next answer comes once the file is complete.
      process.kill(pid, snapshotSignal);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await fetch(`${server.origin}/api/ready`);
    };
    if (options.statements) await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    // Each run starts from a vacuumed, analysed database, as autovacuum keeps a live one (and
    // the cluster may have it off, as CI's does): else the dead rows and the trigram indexes'
    // pending entries of the generation and of the runs before (a `--baseline` run's writes,
    // a `--reuse`d database's earlier runs) slow this run, a supervisor's name search tenfold.
    await client.query('VACUUM (ANALYZE)');
    const memoryBefore = rss(pid);
    await run(options.warmupSeconds);
    await snapshot();
    const memoryStart = rss(pid);
    if (options.statements) await client.query('SELECT pg_stat_statements_reset()');
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    const postmaster = stat(backend)[1] ?? 0;
    const cpuStart = cpuSeconds(pid);
    const databaseCpuStart = clusterCpuSeconds(postmaster);
    const benchCpuStart = process.cpuUsage();
    const loadBefore = os.loadavg()[0] ?? 0;
    const samples: number[] = [];
    // The scheduler's figures from the first sample (the 5th second) to the last one taken by
    // the run's last second: not its ramps.
    const runStart = performance.now() / 1000;
    const moments: { at: number; thread: ReturnType<typeof schedule>; idle: number }[] = [];
    const sampler = setInterval(() => {
      samples.push(rss(pid));
      moments.push({ at: performance.now() / 1000, thread: schedule(pid), idle: machineIdleSeconds() });
    }, 5_000);
    const { result, latencies, statuses } = await run(options.seconds);
    clearInterval(sampler);
    const memoryEnd = rss(pid);
    await snapshot();
    const serverCpu = cpuSeconds(pid) - cpuStart;
    const databaseCpu = clusterCpuSeconds(postmaster) - databaseCpuStart;
    const benchUsage = process.cpuUsage(benchCpuStart);
    const benchCpu = (benchUsage.user + benchUsage.system) / 1e6;
    const loadAfter = os.loadavg()[0] ?? 0;

    const cores = os.availableParallelism();
    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b);
    const completed = all.length;
    const rps = completed / options.seconds;
    const failures = [...statuses].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, count]) => sum + count, 0);
    const errors = result.errors + result.timeouts + failures;
    console.log(
      `\nLoad: ${options.connections} clients for ${options.seconds} s (after ${options.warmupSeconds} s of warm-up), real server on loopback, ${cores} cores (shared by the server, PostgreSQL and autocannon)\n`,
    );
    const rows = [['requests', 'count', 'p50 ms', 'p95 ms', 'p99 ms']];
    for (const [kind, values] of Object.entries(latencies)) {
      values.sort((a, b) => a - b);
      rows.push([kind, String(values.length), pct(values, 50).toFixed(1), pct(values, 95).toFixed(1), pct(values, 99).toFixed(1)]);
    }
    rows.push(['all', String(completed), pct(all, 50).toFixed(1), pct(all, 95).toFixed(1), pct(all, 99).toFixed(1)]);
    const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
    for (const row of rows)
      console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  '));
    console.log(
      `\nrequests/s: ${rps.toFixed(0)} in all, ${(rps / cores).toFixed(0)} per core of the machine (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after)`,
    );
    console.log(
      `CPU used: server ${(serverCpu / options.seconds).toFixed(2)} cores, PostgreSQL ${(databaseCpu / options.seconds).toFixed(2)} cores: ${(completed / Math.max(0.01, serverCpu + databaseCpu)).toFixed(0)} requests per CPU-second of the two together`,
    );
    console.log(
      `CPU per request: server ${((1000 * serverCpu) / Math.max(1, completed)).toFixed(2)} ms (all its threads), PostgreSQL ${((1000 * databaseCpu) / Math.max(1, completed)).toFixed(2)} ms; CPU of this bench with autocannon: ${(benchCpu / options.seconds).toFixed(2)} cores`,
    );
    // Whether the server's one thread holds the load back: it does when the thread is running or
    // waiting for a CPU nearly all the time; whether the cores are full besides, the idle figure
    // says (docs/performance.md, "2 December 2026").
    const first = moments[0];
    const last = moments.findLast((moment) => moment.at - runStart <= options.seconds - 1);
    if (!first || !last || last === first) console.log('the scheduler: not sampled (a run of 10 s or more is)');
    else {
      const span = last.at - first.at;
      const share = (seconds: number) => `${((100 * seconds) / span).toFixed(0)} %`;
      // A kernel that keeps no scheduler statistics has no file, or one that never moves.
      const thread =
        first.thread && last.thread && last.thread.running !== first.thread.running
          ? `the server's main thread: running ${share(last.thread.running - first.thread.running)} of the time, waiting for a CPU ${share(last.thread.waiting - first.thread.waiting)}`
          : 'the scheduler: its statistics are not available here';
      console.log(
        `${thread}; the machine idle ${((last.idle - first.idle) / span).toFixed(2)} cores (from the ${Math.round(first.at - runStart)}th second to the ${Math.round(last.at - runStart)}th)`,
      );
    }
    console.log(
      `errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, answers other than 2xx ${failures}); statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.log(
      `server memory (RSS): ${memoryBefore.toFixed(0)} MB before warm-up, ${memoryStart.toFixed(0)} MB at start, ${memoryEnd.toFixed(0)} MB at end; every 5 s: ${samples.map((mb) => mb.toFixed(0)).join(' ')}`,
    );
    if (problems.length > 0) console.log(`first answers other than 2xx:\n${problems.join('\n')}`);
    if (options.statements) await printStatements(client, completed);
    return errors === 0;
  } finally {
    await stopServer(server);
    if (options.serverLog) writeFileSync(options.serverLog, server.output());
    rmSync(dist, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The statements of the measured run, most time first: how many per request, and their share.
 * Planning is counted too when `pg_stat_statements.track_planning` is on (else its columns are 0).
 */
async function printStatements(client: pg.Client, requests: number): Promise<void> {
  const { rows } = await client.query<{ calls: string; plans: string; total: number; mean: number; planned: number; query: string }>(
    `SELECT calls, plans, total_exec_time + total_plan_time AS total, mean_exec_time AS mean, total_plan_time AS planned,
            regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time + total_plan_time DESC`,
  );
  const tracked =
    (await client.query<{ on: string }>(`SELECT current_setting('pg_stat_statements.track_planning') AS on`)).rows[0]?.on === 'on';
  const per = (value: number) => value / Math.max(1, requests);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const planned = rows.reduce((sum, row) => sum + row.planned, 0);
  const calls = rows.reduce((sum, row) => sum + Number(row.calls), 0);
  console.log(
    `\nstatements (pg_stat_statements): ${per(calls).toFixed(1)} per request, ${per(total).toFixed(2)} ms per request (${tracked ? `planning ${per(planned).toFixed(2)} of it` : 'planning not tracked: pg_stat_statements.track_planning is off'})`,
  );
  console.log('per request  exec ms  plan ms  plans  share  statement');
  for (const row of rows.slice(0, 25)) {
    const n = Math.max(1, Number(row.calls));
    console.log(
      `${per(Number(row.calls)).toFixed(2).padStart(11)}  ${row.mean.toFixed(3).padStart(7)}  ${tracked ? (row.planned / n).toFixed(3).padStart(7) : '    n/a'}  ${tracked ? `${((100 * Number(row.plans)) / n).toFixed(0).padStart(4)}%` : '  n/a'}  ${((100 * row.total) / Math.max(0.001, total)).toFixed(1).padStart(4)}%  ${row.query.slice(0, 150)}`,
    );
  }
}
