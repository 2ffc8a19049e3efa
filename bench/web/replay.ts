import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { loadArtifacts } from 'lighthouse/core/lib/asset-saver.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';

/**
 * `npm run bench:web:replay -- DIR [--without REGEX] [--resize REGEX=BYTES] [--graph]`: Lighthouse's
 * simulated slow phone (Lantern) run again on a recording `npm run bench:web -- --recordings`
 * kept, to see what a change would be worth before making it: `--without` takes the requests
 * whose address matches out of the recording, `--resize` gives them another compressed size
 * (repeatable, comma-separated). Prints the simulated paints and blocking time; `--graph` also
 * lists what the largest paint waits for, each request and task with its simulated start and
 * end. One recording says little on its own (the simulation is sensitive to which requests
 * share a connection): compare several.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    without: { type: 'string' },
    resize: { type: 'string', default: '' },
    graph: { type: 'boolean', default: false },
  },
});
const recording = positionals[0];
if (recording === undefined) throw new Error('name a recording folder (npm run bench:web -- --recordings DIR)');

interface LogEntry {
  method: string;
  params: { requestId?: string; request?: { url: string }; encodedDataLength?: number };
}

const copy = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-replay-'));
try {
  cpSync(recording, copy, { recursive: true });
  const logFile = path.join(copy, 'defaultPass.devtoolslog.json');
  let log = JSON.parse(readFileSync(logFile, 'utf8')) as LogEntry[];
  const requestsMatching = (pattern: string) => {
    const matcher = new RegExp(pattern);
    const ids = new Set(
      log.flatMap((entry) =>
        entry.method === 'Network.requestWillBeSent' && matcher.test(entry.params.request?.url ?? '') ? [entry.params.requestId] : [],
      ),
    );
    if (ids.size === 0) throw new Error(`no request of the recording matches ${pattern}`);
    return ids;
  };
  if (values.without !== undefined) {
    const ids = requestsMatching(values.without);
    log = log.filter((entry) => entry.params.requestId === undefined || !ids.has(entry.params.requestId));
  }
  for (const change of values.resize.split(',').filter((part) => part !== '')) {
    const [pattern = '', bytes = ''] = change.split('=');
    const ids = requestsMatching(pattern);
    for (const entry of log)
      if (entry.method === 'Network.loadingFinished' && ids.has(entry.params.requestId)) entry.params.encodedDataLength = Number(bytes);
  }
  writeFileSync(logFile, JSON.stringify(log));

  // The settings must be the recording's own, or Lighthouse refuses to audit it.
  const recorded = JSON.parse(readFileSync(path.join(copy, 'artifacts.json'), 'utf8')) as { settings: Record<string, unknown> };
  const result = await lighthouse(undefined, {
    ...recorded.settings,
    auditMode: copy,
    gatherMode: false,
    output: 'json',
    logLevel: 'error',
  });
  if (!result) throw new Error('Lighthouse returned nothing');
  const metric = (id: string) => Math.round(result.lhr.audits[id]?.numericValue ?? NaN);
  console.log(
    `FCP ${metric('first-contentful-paint')} ms, LCP ${metric('largest-contentful-paint')} ms, TBT ${metric('total-blocking-time')} ms, speed index ${metric('speed-index')} ms`,
  );

  if (values.graph) {
    // Lighthouse's own types for these are global declarations this project does not load.
    const artifacts = (await loadArtifacts(copy)) as unknown as RecordedArtifacts;
    const data = {
      trace: artifacts.traces['defaultPass'],
      devtoolsLog: artifacts.devtoolsLogs['defaultPass'],
      gatherContext: artifacts.GatherContext,
      settings: artifacts.settings,
      URL: artifacts.URL,
      simulator: null,
    };
    const request = LanternLargestContentfulPaint.request as unknown as (
      data: unknown,
      context: unknown,
    ) => Promise<{ pessimisticEstimate: { nodeTimings: Map<GraphNode, { startTime: number; endTime: number }> } }>;
    const lcp = await request(data, { computedCache: new Map(), settings: artifacts.settings });
    console.log('\nWhat the largest paint waits for (pessimistic graph), simulated ms:');
    const timings = [...lcp.pessimisticEstimate.nodeTimings.entries()].sort(([, a], [, b]) => a.startTime - b.startTime);
    for (const [node, timing] of timings) {
      const what =
        node.type === 'network'
          ? `${node.request.url.replace(/^https?:\/\/[^/]+/, '')} (${Math.round(node.request.transferSize / 102.4) / 10} KB)`
          : `main thread, ${Math.round((node.event.dur ?? 0) / 1000)} ms observed`;
      console.log(`${String(Math.round(timing.startTime)).padStart(6)} → ${String(Math.round(timing.endTime)).padStart(6)}  ${what}`);
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}

interface RecordedArtifacts {
  settings: unknown;
  traces: Record<string, unknown>;
  devtoolsLogs: Record<string, unknown>;
  GatherContext: unknown;
  URL: unknown;
}

type GraphNode = { type: 'network'; request: { url: string; transferSize: number } } | { type: 'cpu'; event: { dur?: number } };
