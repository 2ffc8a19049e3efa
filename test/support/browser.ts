/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as the machines here have it (no browser download). */
const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

// Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
const AXE_SOURCE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Resolves once the page has drawn two frames (so a change just made, such as a resize, has
 * started its transitions) and every finite animation and transition has finished. Endless
 * animations (spinners) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * axe-core's serious and critical findings on the page as a person sees it once it settles.
 * A notification fading in or out has, for a moment, too little contrast, and one can start
 * fading while axe is reading the page (its four seconds run out, or a lazily loaded one
 * arrives): so a finding counts only when a second look, after the page settles again, finds
 * it too. A real defect is there both times.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const first = await axeFindings(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(300);
  const second = new Set(await axeFindings(page));
  return first.filter((finding) => second.has(finding));
}

async function axeFindings(page: Page): Promise<string[]> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  // One finding per element, so the second look is compared element by element.
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** Page errors and CSP violations: either means the page is broken for someone. */
export function watchForBreakage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return problems;
}

/** Everything the page said or failed to load, to explain a failure. */
export function recordDiagnostics(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`console.${message.type()}: ${message.text().slice(0, 300)}`));
  page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => lines.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) lines.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return lines;
}
