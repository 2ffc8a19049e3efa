/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { launchBrowser, recordDiagnostics, seriousA11yViolations, settled, watchForBreakage } from '../support/browser.ts';
import { createTestDatabase } from '../support/db.ts';
import { freePort, startServer, stopServer } from '../support/server.ts';

/**
 * The patient screens in a real browser, through the production build: a case manager
 * registers a patient, meets the possible-duplicate warning for a near-twin, opens an episode
 * as its primary case manager, records a level of care and an outside care team member, and
 * finds the patient on My caseload (on a laptop and on a phone).
 * With BRIDGEWAY_SHOTS_DIR set, each page is also saved there at 1280×800 and 390×844.
 */
const database = await createTestDatabase();
const server = await startServer({ DATABASE_URL: database.url }, await freePort());
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await stopServer(server);
  await database.drop();
});

const caseManager = { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase' };
const programName = 'Riverbend Outpatient';

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

/** Arranged over HTTP, not through the UI: the organization, its admin, a program and a case manager in it. */
before(async () => {
  const adminPassword = 'riverbend admin passphrase';
  const setup = await call('POST', '/api/setup', {
    organizationName: 'Riverbend Recovery Center',
    timeZone: 'America/Chicago',
    adminName: 'Avery Admin',
    adminEmail: 'avery@riverbend.invalid',
    adminPassword,
  });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  const signIn = await call('POST', '/api/session', { email: 'avery@riverbend.invalid', password: adminPassword });
  assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
  let headers = { cookie: signIn.cookie, 'x-csrf-token': String(signIn.body.csrfToken) };
  // An admin must enrol a second factor before anything else.
  const enrolment = await call('POST', '/api/session/mfa/enrolment', {}, headers);
  const code = hotp(base32Decode(String(enrolment.body.secret)), timeStep(Date.now()));
  const confirmed = await call('POST', '/api/session/mfa/enrolment/confirm', { totp: code }, headers);
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  headers = { cookie: confirmed.cookie, 'x-csrf-token': String(confirmed.body.csrfToken) };

  const program = await call('POST', '/api/programs', { name: programName, caseManagementModel: 'broker-generalist' }, headers);
  assert.equal(program.status, 201, JSON.stringify(program.body));
  const invited = await call(
    'POST',
    '/api/users',
    {
      email: caseManager.email,
      displayName: caseManager.name,
      roles: ['case-manager'],
      programIds: [String(program.body.id)],
      locale: 'en',
    },
    headers,
  );
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const token = String(invited.body.invitationUrl).split('/invitations/')[1] ?? '';
  const accepted = await call('POST', `/api/invitations/${token}/acceptance`, { password: caseManager.password });
  assert.equal(accepted.status, 204, JSON.stringify(accepted.body));
});

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${where}`);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** On failure, keep a screenshot of where the journey stopped. */
async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const diagnostics = recordDiagnostics(page);
  try {
    return await work();
  } catch (error) {
    const file = path.join(os.tmpdir(), `bridgeway-e2e-${name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw new Error(`${name} failed (screenshot: ${file}): ${(error as Error).message}\n${diagnostics.join('\n')}`);
  }
}

const shotsDir = process.env.BRIDGEWAY_SHOTS_DIR;
/** Saves the page at laptop and phone size, for people to look at (only with BRIDGEWAY_SHOTS_DIR). */
async function shoot(page: Page, name: string): Promise<void> {
  if (shotsDir === undefined || shotsDir === '') return;
  mkdirSync(shotsDir, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await settled(page); // the navigation drawer animates when the width crosses the phone breakpoint
    await page.screenshot({ path: path.join(shotsDir, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
  await settled(page);
}

/** Picks an option of a Mantine select by its label. */
async function choose(scope: ReturnType<Page['getByRole']>, page: Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test(
  'a case manager registers a patient, meets a possible duplicate, opens an episode and finds the patient on the caseload',
  {
    timeout: 180_000,
  },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);

    await step(page, 'sign in as the case manager', async () => {
      await page.goto(`${server.origin}/sign-in`);
      await page.getByLabel('Email').fill(caseManager.email);
      await page.getByLabel('Password').fill(caseManager.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // A case manager starts from Today.
      await heading(page, 'Today').waitFor();
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'My caseload' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Staff' }).count(), 0);
    });

    await step(page, 'empty caseload explains how patients get there', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'My caseload' }).click();
      await heading(page, 'My caseload').waitFor();
      await page.getByText('No one is on your caseload yet').waitFor();
      await expectAccessible(page, 'empty caseload');
      await shoot(page, 'caseload-empty');
    });

    await step(page, 'register a patient', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Patients' }).click();
      await heading(page, 'Patients').waitFor();
      await expectAccessible(page, 'patients');
      await shoot(page, 'patients-search');
      await page.getByRole('button', { name: 'Register a patient' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Legal first name').fill('William');
      await dialog.getByLabel('Legal last name').fill('Hartwell');
      await dialog.getByLabel('Pronouns').fill('he/him');
      await dialog.getByLabel('Date of birth').fill('1984-03-09');
      await dialog.getByLabel('Phone 1', { exact: true }).fill('(555) 201-4477');
      await dialog.getByRole('switch', { name: 'OK to send texts' }).check();
      await dialog.getByRole('checkbox', { name: 'White' }).check();
      await dialog.getByRole('button', { name: 'Add an ID number' }).click();
      await dialog.getByLabel('ID 1 number').fill('MRN-20417');
      await expectAccessible(page, 'register dialog');
      await shoot(page, 'register-dialog');
      await dialog.getByRole('button', { name: 'Register patient' }).click();
      await heading(page, 'William Hartwell').waitFor();
    });

    await step(page, 'a near-twin shows the possible duplicate', async () => {
      await page.getByRole('link', { name: /Back to patient search/ }).click();
      await heading(page, 'Patients').waitFor();
      await page.getByRole('button', { name: 'Register a patient' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Legal first name').fill('Bill');
      await dialog.getByLabel('Legal last name').fill('Hartwell');
      await dialog.getByLabel('Date of birth').fill('1984-03-09');
      await dialog.getByRole('button', { name: 'Register patient' }).click();
      const warning = dialog.getByRole('alert').filter({ hasText: 'This person may already be registered' });
      await warning.waitFor();
      await warning.getByRole('link', { name: 'William Hartwell (opens in a new tab)' }).waitFor();
      await warning.getByText('Same birth date').waitFor();
      // Enough to compare in place, without leaving the form: phone, ID number, address.
      await warning.getByText('(555) 201-4477').waitFor();
      await warning.getByText('Medical record number (MRN): MRN-20417').waitFor();
      assert.equal(await dialog.getByLabel('Legal first name').inputValue(), 'Bill', 'the form is still as typed');
      await warning.getByRole('button', { name: 'This is a new person — register anyway' }).waitFor();
      await expectAccessible(page, 'duplicate warning');
      await shoot(page, 'register-duplicate');
      // It is the same person: open the existing record instead.
      await warning.getByRole('link', { name: 'It is this person: open their record' }).click();
      await heading(page, 'William Hartwell').waitFor();
    });

    await step(page, 'open an episode as primary case manager', async () => {
      await page.getByText('No open episode of care').waitFor();
      await expectAccessible(page, 'patient overview');
      // The edit dialog's code arrives when it is first opened; closing it gives the focus back.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Edit', undefined, { timeout: 5000 });
      await page.getByRole('button', { name: 'Open an episode' }).click();
      const dialog = page.getByRole('dialog');
      // The only program of one's own is chosen once the programs have loaded.
      const program = dialog.getByLabel('Program', { exact: true }).first();
      const deadline = Date.now() + 5000;
      while ((await program.inputValue()) !== programName) {
        assert.ok(Date.now() < deadline, `the program is chosen (${await program.inputValue()})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await choose(dialog, page, 'Referred by', 'Court or justice system');
      await dialog.getByText(`${caseManager.name} (you)`).waitFor();
      await expectAccessible(page, 'open episode dialog');
      await shoot(page, 'open-episode-dialog');
      await dialog.getByRole('button', { name: 'Open episode' }).click();
      await heading(page, `William Hartwell — ${programName}`).waitFor();
    });

    await step(page, 'add a level of care and a probation officer', async () => {
      await page.getByRole('button', { name: 'Add a level of care' }).click();
      let dialog = page.getByRole('dialog');
      await choose(dialog, page, 'Level of care', '2.1 Intensive outpatient');
      await dialog.getByLabel('Provider').fill('Riverbend IOP');
      await dialog.getByRole('button', { name: 'Add level of care' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('ASAM 3rd ed. 2.1 Intensive outpatient').waitFor();

      await page.getByRole('button', { name: 'Add a team member' }).click();
      dialog = page.getByRole('dialog');
      await choose(dialog, page, 'Role', 'Probation or parole officer');
      await dialog.getByLabel('Name').fill('Dana Ortiz');
      await dialog.getByLabel('Organization').fill('County Probation');
      await dialog.getByLabel('Phone (optional)').fill('555-0100');
      await dialog.getByRole('button', { name: 'Add to the team' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const team = page.getByRole('list', { name: 'Care team' });
      await team.getByText('Dana Ortiz').waitFor();
      await team.getByText('County Probation').waitFor();
      await team.getByText('Single point of contact').waitFor();
      await expectAccessible(page, 'episode');
      await shoot(page, 'episode');
    });

    await step(page, 'the overview names the single point of contact', async () => {
      await page.getByRole('link', { name: /Back to William Hartwell/ }).click();
      await heading(page, 'William Hartwell').waitFor();
      await page.getByText('Single point of contact').waitFor();
      await page.getByText('ASAM 3rd ed. 2.1 Intensive outpatient').waitFor();
      await expectAccessible(page, 'patient overview with an episode');
      await shoot(page, 'patient-overview');
    });

    await step(page, 'the patient is on My caseload, on a laptop and on a phone', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'My caseload' }).click();
      await heading(page, 'My caseload').waitFor();
      const table = page.getByRole('table', { name: 'My caseload' });
      await table.getByRole('link', { name: 'Hartwell, William' }).waitFor();
      await table.getByText('ASAM 3rd ed. 2.1 Intensive outpatient').waitFor();
      await expectAccessible(page, 'caseload');
      await shoot(page, 'caseload');
    });

    // A community health worker in the field: the same caseload on a phone, as cards.
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      hasTouch: true,
      isMobile: true,
      storageState: await context.storageState(),
    });
    const phone = await phoneContext.newPage();
    const phoneBreakage = watchForBreakage(phone);
    await step(phone, 'the caseload on a phone', async () => {
      await phone.goto(`${server.origin}/caseload`);
      await heading(phone, 'My caseload').waitFor();
      const cards = phone.getByRole('list', { name: 'My caseload' });
      await cards.getByRole('link', { name: 'Hartwell, William' }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the caseload does not scroll sideways on a phone (${overflow}px)`);
      await expectAccessible(phone, 'caseload (phone)');
      await cards.getByRole('link', { name: 'Hartwell, William' }).click();
      await heading(phone, 'William Hartwell').waitFor();
      const overviewOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overviewOverflow <= 0, `the overview does not scroll sideways on a phone (${overviewOverflow}px)`);
    });
    assert.deepEqual(phoneBreakage, []);
    await phoneContext.close();

    assert.deepEqual(breakage, []);
    await context.close();
  },
);
