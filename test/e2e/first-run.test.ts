/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { launchBrowser, recordDiagnostics, seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { createTestDatabase } from '../support/db.ts';
import { freePort, startServer, stopServer } from '../support/server.ts';

/**
 * The foundation's journey in a real browser, through the real pages of the production build:
 * first-run setup → the admin signs in and sets up two-step sign-in → invites a case manager →
 * signs out → the case manager sets a password from the link and signs in.
 */
const database = await createTestDatabase();
const server = await startServer({ DATABASE_URL: database.url }, await freePort());
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await stopServer(server);
  await database.drop();
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

test('setup, admin sign-in with TOTP enrolment, inviting a case manager who then signs in', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'first-run journey', async () => {
    // First run: any address leads to the setup page.
    await page.goto(`${server.origin}/`);
    await heading(page, 'Set up Bridgeway').waitFor();
    await expectAccessible(page, 'setup');
    await page.getByLabel('Organization name').fill('Riverbend Recovery Center');
    await page.getByLabel('Your full name').fill('Avery Admin');
    await page.getByLabel('Your email').fill('avery@riverbend.invalid');
    await page.getByLabel('Password', { exact: true }).fill('riverbend admin passphrase');
    await page.getByLabel('Confirm password').fill('riverbend admin passphrase');
    await page.getByRole('button', { name: 'Create organization' }).click();

    // Sign in; an admin must set up two-step sign-in before anything else.
    await heading(page, 'Sign in').waitFor();
    await page.getByText('Your organization is ready').waitFor();
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('Email').fill('avery@riverbend.invalid');
    await page.getByLabel('Password').fill('riverbend admin passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Set up two-step sign-in').waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible(page, 'MFA enrolment');
    const secret = (await page.getByLabel('Setup key').inputValue()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('6-digit code').fill(hotp(base32Decode(secret), timeStep(Date.now())));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    // The ten recovery codes are shown once; going on needs saying they are saved.
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Home, then the staff admin screen.
    await heading(page, 'Hello, Avery Admin').waitFor();
    // The first administrator's next steps: program, staff, roles; and that admins see no patients.
    const start = page.getByRole('region', { name: 'Getting started' });
    await start.getByRole('link', { name: 'Go to Programs' }).waitFor();
    await start.getByText('Administrators do not see patients.', { exact: false }).waitFor();
    assert.deepEqual(
      await start.getByRole('listitem').evaluateAll((items) => items.map((item) => item.querySelector('p')?.textContent ?? '')),
      ['Create a program', 'Add your staff', 'Give them roles and programs'],
    );
    if (process.env.BRIDGEWAY_SHOTS_DIR)
      await page.screenshot({ path: `${process.env.BRIDGEWAY_SHOTS_DIR}/home-getting-started-en-1280.png`, fullPage: true });
    await expectAccessible(page, 'home');
    await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
    await heading(page, 'Staff').waitFor();
    await expectAccessible(page, 'staff');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Rosa Delgado');
    await dialog.getByLabel('Work email').fill('rosa@riverbend.invalid');
    await dialog.getByRole('checkbox', { name: 'Case manager' }).check();
    await expectAccessible(page, 'add staff dialog');
    await dialog.getByRole('button', { name: 'Add and create invitation link' }).click();
    const link = await page.getByLabel('Set-password link').inputValue();
    assert.match(link, /\/invitations\/[A-Za-z0-9_-]{43}$/);
    await page.keyboard.press('Escape');
    await page.getByRole('rowheader', { name: /Rosa Delgado/ }).waitFor();

    // Sign out through the account menu.
    await page.getByRole('button', { name: /Account menu for Avery Admin/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();

    // The case manager opens the link, chooses a password and signs in (no second factor needed).
    await page.goto(link);
    await heading(page, 'Set your password').waitFor();
    await page.getByText(/Welcome, Rosa Delgado/).waitFor();
    await expectAccessible(page, 'invitation');
    await page.getByLabel('New password', { exact: true }).fill('rosa chooses a passphrase');
    await page.getByLabel('Confirm new password').fill('rosa chooses a passphrase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set').waitFor();
    await page.getByLabel('Email').fill('rosa@riverbend.invalid');
    await page.getByLabel('Password').fill('rosa chooses a passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A case manager starts from Today, and does not see the admin's screens.
    await heading(page, 'Today').waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).count(), 0);
  });

  assert.deepEqual(breakage, []);
  await context.close();
});

test('on a phone-sized screen, in Spanish: the sign-in page and the menu work', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  const setup = (await (await fetch(`${server.origin}/api/setup`)).json()) as { setupRequired: boolean };
  if (setup.setupRequired) {
    const body = {
      organizationName: 'Phone Org',
      timeZone: 'America/Chicago',
      adminName: 'Phone Admin',
      adminEmail: 'phone@example.invalid',
      adminPassword: 'phone admin passphrase',
    };
    await fetch(`${server.origin}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
  await step(page, 'phone in Spanish', async () => {
    await page.goto(`${server.origin}/sign-in`);
    await heading(page, 'Sign in').waitFor();
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: /Español/ }).click();
    await heading(page, 'Iniciar sesión').waitFor();
    await page.getByRole('menu').waitFor({ state: 'hidden' }); // let the menu finish closing
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await expectAccessible(page, 'sign-in (es, phone)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
