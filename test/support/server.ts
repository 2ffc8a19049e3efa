import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withDeadline } from './wait.ts';

/** The real server (`node src/main.ts`) as a child process, for crash and browser tests. */
export interface RunningServer {
  process: ChildProcess;
  origin: string;
  output: () => string;
  /** Resolves once the server's output satisfies `seen`; fails if it exits or after `ms`. */
  waitForOutput: (what: string, seen: (output: string) => boolean, ms?: number) => Promise<void>;
}

const root = path.join(import.meta.dirname, '../..');

/** Printed by src/main.ts once it listens, after its database is migrated. */
const RUNNING = 'Bridgeway is running at';
/** Printed by request-probe.ts for each request the server has received. */
export const REQUEST_RECEIVED = 'test-probe: request received';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the server and resolves when it says it is running (then checks /api/ready once).
 * `announceRequests` preloads request-probe.ts, so a test can see its requests arrive;
 * `nodeFlags` go to node before the script (the load bench's `--cpu-prof`, `--trace-gc`);
 * `root` runs another checkout's server (the load bench's `--baseline`).
 */
export async function startServer(
  env: Record<string, string | undefined>,
  port: number,
  options: { announceRequests?: boolean; nodeFlags?: string[]; root?: string } = {},
): Promise<RunningServer> {
  let output = '';
  // The audit sealer anchors the chain head in a file: one per server under test, never the
  // project's own ./data (a server given a data folder keeps it there, as in production).
  const anchorDir = env.BRIDGEWAY_DATA_DIR || env.BRIDGEWAY_AUDIT_ANCHOR ? null : mkdtempSync(path.join(os.tmpdir(), 'bridgeway-anchor-'));
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      ...(options.announceRequests ? ['--import', path.join(import.meta.dirname, 'request-probe.ts')] : []),
      path.join(options.root ?? root, 'src/main.ts'),
    ],
    {
      cwd: options.root ?? root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...(anchorDir ? { BRIDGEWAY_AUDIT_ANCHOR: path.join(anchorDir, 'audit-anchors.log') } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  if (anchorDir) child.once('exit', () => rmSync(anchorDir, { recursive: true, force: true }));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const waitForOutput: RunningServer['waitForOutput'] = (what, seen, ms = 30_000) => {
    let listener = () => {};
    let onExit = () => {};
    const found = new Promise<void>((resolve, reject) => {
      listener = () => seen(output) && resolve();
      onExit = () => reject(new Error(`the server exited (${String(child.exitCode ?? child.signalCode)}) before ${what}:\n${output}`));
      listeners.add(listener);
      child.once('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) onExit();
      listener();
    });
    return withDeadline(what, ms, found)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nserver output:\n${output}`);
      })
      .finally(() => {
        listeners.delete(listener);
        child.off('exit', onExit);
      });
  };

  const origin = `http://127.0.0.1:${port}`;
  try {
    // A first start may build the web app, hence the generous deadline.
    await waitForOutput('the server to say it is running', (text) => text.includes(RUNNING), 90_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const ready = await fetch(`${origin}/api/ready`);
  if (ready.status !== 200) {
    child.kill('SIGKILL');
    throw new Error(`the server said it was running but /api/ready answered ${ready.status}:\n${output}`);
  }
  return { process: child, origin, output: () => output, waitForOutput };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}
