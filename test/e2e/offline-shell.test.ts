/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, recordDiagnostics, watchForBreakage } from '../support/browser.ts';
import { createTestDatabase } from '../support/db.ts';
import { freePort, startServer, stopServer } from '../support/server.ts';

/**
 * The installable shell (issue 12) in a real browser, through the production build: the
 * service worker keeps the app's files, so a second visit loads with the server no longer
 * able to serve a single static file; it never stores an API answer (patient data); and a new
 * version announces itself and reloads into it when the person says so.
 * The server serves a private copy of web/dist, which the test changes and then deletes.
 */
const root = path.join(import.meta.dirname, '../..');
const dist = mkdtempSync(path.join(os.tmpdir(), 'bridgeway-offline-shell-'));
cpSync(path.join(root, 'web/dist'), dist, { recursive: true });
const database = await createTestDatabase();
const demo = spawnSync(process.execPath, [path.join(root, 'src/cli/main.ts'), 'demo'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: database.url },
  encoding: 'utf8',
});
const password = /password: (\S+)/.exec(demo.stdout)?.[1];
assert.ok(demo.status === 0 && password, `bridgeway demo failed: ${demo.stdout}${demo.stderr}`);
const server = await startServer({ DATABASE_URL: database.url, BRIDGEWAY_WEB_DIST: dist }, await freePort());
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await stopServer(server);
  await database.drop();
  rmSync(dist, { recursive: true, force: true });
});

// The demo is not the organization's own: set one up so the app offers sign-in.
const setup = await fetch(`${server.origin}/api/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    organizationName: 'Offline Test Clinic',
    timeZone: 'America/New_York',
    adminName: 'Avery Admin',
    adminEmail: 'avery@offline.invalid',
    adminPassword: 'an admin passphrase for this test',
  }),
});
assert.equal(setup.status, 201);

const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await context.newPage();
const diagnostics = recordDiagnostics(page);
const breakage = watchForBreakage(page);
const explain = () => `\n${diagnostics.slice(-30).join('\n')}`;
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Every URL in Cache Storage, by cache. */
async function cachedUrls(on: Page): Promise<string[]> {
  return on.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
}

// The classes Mantine's whole stylesheet gives rules to; the app loads only its components' part.
const styledClasses = new Set(
  readFileSync(path.join(root, 'node_modules/@mantine/core/styles.css'), 'utf8')
    .match(/\.m_[0-9a-f]{8}\b/g)
    ?.map((c) => c.slice(1)) ?? [],
);

/** Mantine parts on the page whose rules exist in the kit but were not loaded (web/src/mantineStyles.ts). */
async function unstyledMantineParts(on: Page): Promise<string[]> {
  const { used, loaded } = await on.evaluate(() => {
    const used = new Set<string>();
    document.querySelectorAll('[class*="m_"]').forEach((element) => {
      element.classList.forEach((name) => {
        if (/^m_[0-9a-f]{8}$/.test(name)) used.add(name);
      });
    });
    const text = Array.from(document.styleSheets, (sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n')).join('\n');
    return { used: [...used], loaded: [...new Set(text.match(/m_[0-9a-f]{8}/g) ?? [])] };
  });
  const loadedSet = new Set(loaded);
  return used.filter((name) => styledClasses.has(name) && !loadedSet.has(name));
}

async function controllingWorker(on: Page): Promise<string | null> {
  return on.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}

let patientPath = '';
let patientName = '';

test('first visit: the service worker installs and keeps the shell and every page’s files', async () => {
  await page.goto(`${server.origin}/sign-in`);
  await heading(/sign in/i).waitFor();
  assert.deepEqual(await unstyledMantineParts(page), [], 'every Mantine part on sign-in has its styles');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first page was loaded before the worker existed; from the next load on it answers.
  await page.reload();
  assert.match((await controllingWorker(page)) ?? '', /\/sw\.js$/, explain());
  const cached = await cachedUrls(page);
  assert.ok(cached.includes('/index.html'), `the shell is cached: ${cached.join(', ')}`);
  const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
  assert.ok(cached.includes(entry), `the entry script ${entry} is cached`);
  assert.ok(
    // My caseload's own chunk (web/vite.config.ts groups each of the two pages' modules).
    cached.some((url) => /\/assets\/caseload-.*\.js$/.test(url)),
    'pages not opened yet are cached too',
  );
  assert.ok(
    cached.every((url) => !/\.(br|gz|map)$/.test(url)),
    'no compressed copy or source map is cached as a file',
  );
});

test('signed in through the worker, My caseload and a patient page leave no API answer in Cache Storage', async () => {
  await page.getByLabel('Email').fill('casemanager@demo.bridgeway.invalid');
  await page.getByLabel('Password').fill(password ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A case manager starts from Today.
  await heading('Today').waitFor();
  await page.goto(`${server.origin}/caseload`);
  await heading('My caseload').waitFor();
  const firstPatient = page.getByRole('main').locator('a[href^="/patients/"]').first();
  await firstPatient.waitFor();
  assert.deepEqual(await unstyledMantineParts(page), [], 'every Mantine part on My caseload has its styles');
  patientName = (await firstPatient.textContent()) ?? '';
  await firstPatient.click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  patientPath = new URL(page.url()).pathname;
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(await unstyledMantineParts(page), [], 'every Mantine part on the patient page has its styles');
  // The API answered through the worker (it controls the page), with patient data.
  assert.ok(await controllingWorker(page));
  const cached = await cachedUrls(page);
  const fromApi = cached.filter((url) => url.startsWith('/api'));
  assert.deepEqual(fromApi, [], 'no API answer is stored by the service worker');
  assert.equal(breakage.length, 0, breakage.join('\n'));
});

test('a navigation to the API is answered by the server, not by the cached shell', async () => {
  const probe = await context.newPage();
  const response = await probe.goto(`${server.origin}/api/ready`);
  assert.match(response?.headers()['content-type'] ?? '', /json/);
  assert.doesNotMatch(await probe.content(), /<div id="root">/);
  await probe.close();
});

test('a new version announces itself and the page reloads into it when the person says so', async () => {
  const before = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? null);
  assert.ok(before);
  // A new build: a service worker that differs by a byte (its compressed copies go with it).
  const sw = path.join(dist, 'sw.js');
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next version ${Date.now()}\n`);
  for (const copy of [`${sw}.br`, `${sw}.gz`]) rmSync(copy, { force: true });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByText('A new version of Bridgeway is ready');
  await notice.waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null), true);
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await page.getByRole('heading', { level: 1 }).waitFor();
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null };
  });
  assert.deepEqual(state, { waiting: null, controlled: true }, 'the new worker took over and controls the page');
  assert.equal(await notice.count(), 0);
});

test('second visit with the server unable to serve any static file: the shell loads from the worker, data from the API', async () => {
  const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
  // Cut the network for static files: the server's copy of the build is gone.
  for (const file of ['index.html', 'index.html.br', 'index.html.gz']) unlinkSync(path.join(dist, file));
  rmSync(path.join(dist, 'assets'), { recursive: true, force: true });
  const direct = await fetch(`${server.origin}${entry}`);
  assert.notEqual(direct.status, 200, 'the server can no longer serve the entry script');
  const shell = await fetch(`${server.origin}/caseload`);
  assert.notEqual(shell.status, 200, 'nor the page shell');

  const second = await context.newPage();
  const secondDiagnostics = recordDiagnostics(second);
  await second.goto(`${server.origin}/caseload`);
  await second.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  await second.getByRole('main').getByRole('link', { name: patientName }).waitFor();
  await second.goto(`${server.origin}${patientPath}`);
  await second.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(!secondDiagnostics.some((line) => /request failed|HTTP [45]\d\d .*\/assets\//.test(line)), secondDiagnostics.join('\n'));
  assert.deepEqual(
    (await cachedUrls(second)).filter((url) => url.startsWith('/api')),
    [],
    'still no API answer in Cache Storage',
  );
  await second.close();
});
