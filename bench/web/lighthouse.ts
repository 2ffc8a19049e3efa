import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

/** One page's measurement: the scores Lighthouse gives (0–100) and the timings behind them. */
export interface PageResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferredBytes: number;
  /** The largest responses, to see where the bytes go (`--details`). */
  requests: { url: string; transferredBytes: number; resourceType: string }[];
  /** Audits of the three categories that did not pass, by id (`--details`). */
  failedAudits: string[];
  /** Lighthouse's measure of this machine's CPU speed (a typical desktop: 1000–2500). */
  benchmarkIndex: number;
  /** The whole Lighthouse report, for `--save`. */
  report: unknown;
}

// The flags of test/support/browser.ts (Debian's Chromium, headless, as the machines here
// have it); kept in step by hand because the bench is not a test file.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Browser {
  port: number;
  close: () => Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  return { port: chrome.port, close: async () => chrome.kill() };
}

interface Audit {
  score: number | null;
  numericValue?: number;
  details?: { items?: Record<string, unknown>[] };
}

function audit(audits: Record<string, Audit | undefined>, id: string): Audit {
  const found = audits[id];
  if (!found) throw new Error(`Lighthouse returned no "${id}" audit`);
  return found;
}

/**
 * Lighthouse's default profile: a mobile phone on simulated slow 4G (150 ms, 1.6 Mbit/s) with a
 * 4× slower CPU, and a cold visit (HTTP cache, service workers and Cache Storage cleared first;
 * cookies are kept, which is how the signed-in pages are measured). With `recording`, what
 * Lighthouse recorded (trace, network log) is kept in that folder for bench/web/replay.ts.
 */
export async function measurePage(browser: Browser, url: string, cookie: string | null, recording?: string): Promise<PageResult> {
  const result = await lighthouse(url, {
    port: browser.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(recording === undefined ? {} : { gatherMode: recording, auditMode: recording }),
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const audits = lhr.audits as Record<string, Audit | undefined>;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const requests = (audit(audits, 'network-requests').details?.items ?? [])
    .map((item) => ({
      url: typeof item.url === 'string' ? item.url : '',
      transferredBytes: Number(item.transferSize ?? 0),
      resourceType: typeof item.resourceType === 'string' ? item.resourceType : '',
    }))
    .sort((a, b) => b.transferredBytes - a.transferredBytes);
  const failedAudits = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `${category.id}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: audit(audits, 'largest-contentful-paint').numericValue ?? NaN,
    tbtMs: audit(audits, 'total-blocking-time').numericValue ?? NaN,
    cls: audit(audits, 'cumulative-layout-shift').numericValue ?? NaN,
    transferredBytes: audit(audits, 'total-byte-weight').numericValue ?? NaN,
    requests,
    failedAudits,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    report: lhr,
  };
}

/**
 * Opens `url` once, unmeasured, as the person did on an earlier day: what the app keeps on the
 * device between visits (localStorage: the language, the signed-in mark that lets index.html
 * paint My caseload's heading) is then as a returning user's. Lighthouse clears the HTTP cache,
 * the service worker and Cache Storage before each run, so the measured visit stays a cold one.
 */
export async function visitOnce(browser: Browser, url: string, cookie: string): Promise<void> {
  const connected = await chromium.connectOverCDP(`http://127.0.0.1:${browser.port}`);
  try {
    const context = connected.contexts()[0] ?? (await connected.newContext());
    const page = await context.newPage();
    await page.setExtraHTTPHeaders({ Cookie: cookie });
    await page.goto(url);
    await page.locator('#root main h1').waitFor();
    await page.close();
  } finally {
    // Leaves the browser running: Lighthouse measures in it next.
    await connected.close().catch(() => undefined);
  }
}

/** The run with the median performance score: one noisy run (two cores, shared) does not decide. */
export function medianRun(runs: PageResult[]): PageResult {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || a.lcpMs - b.lcpMs);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('no runs');
  return middle;
}

export function formatTable(rows: { page: string; result: PageResult }[]): string {
  const header = ['page', 'performance', 'accessibility', 'best practices', 'LCP', 'TBT', 'CLS', 'transferred'];
  const lines = rows.map(({ page, result }) => [
    page,
    String(result.performance),
    String(result.accessibility),
    String(result.bestPractices),
    `${(result.lcpMs / 1000).toFixed(1)} s`,
    `${Math.round(result.tbtMs)} ms`,
    result.cls.toFixed(3),
    `${Math.round(result.transferredBytes / 1024)} KB`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const pad = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [pad(header), rule, ...lines.map(pad)].join('\n');
}
