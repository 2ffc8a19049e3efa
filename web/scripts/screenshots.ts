// Walks through every page of the web app against a running server, as a first-time admin
// would, taking a screenshot of each page at desktop (1280x800) and phone (390x844) size and
// running axe-core on it. Usage (Node 24, from the repository root):
//   BASE_URL=http://127.0.0.1:3100 SHOTS_DIR=/tmp/shots node web/scripts/screenshots.ts
// On a fresh database it runs first-run setup; later runs sign in with the accounts it saved
// in $ACCOUNTS_FILE. Chromium comes from the system (/usr/bin/chromium).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { currentStep, totpAt } from './totp.ts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const out = process.env.SHOTS_DIR ?? '/tmp/shots';
const accountsFile = process.env.ACCOUNTS_FILE ?? '/tmp/webdev-accounts.json';
const axeSource = readFileSync(path.join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface Accounts {
  adminEmail: string;
  adminPassword: string;
  adminSecret: string | null;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

const problems: string[] = [];
let lastStepUsed = -1;

async function freshTotp(secret: string): Promise<string> {
  // The server refuses a code whose 30-second step was already used: wait for the next one.
  while (currentStep() <= lastStepUsed) await new Promise((resolve) => setTimeout(resolve, 1000));
  lastStepUsed = currentStep();
  return totpAt(secret, lastStepUsed);
}

async function runAxe(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the app's CSP (script-src 'self') stays on.
  if ((await page.evaluate(() => 'axe' in window)) === false) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    return axe.run();
  });
  for (const violation of result.violations) {
    const line = `${label}: [${violation.impact ?? '?'}] ${violation.id} — ${violation.help} — ${violation.nodes
      .slice(0, 3)
      .map((node) => JSON.stringify(node.target))
      .join(', ')}`;
    if (violation.impact === 'serious' || violation.impact === 'critical') problems.push(line);
    console.log(`  axe ${line}`);
  }
}

/** Screenshots the page at both sizes (full page) and runs axe at each. */
async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(350);
    await page.screenshot({ path: path.join(out, `${name}-${size.name}.png`), fullPage: options.fullPage ?? true });
    await runAxe(page, `${name} (${size.name})`);
  }
  await page.setViewportSize({ width: sizes[0].width, height: sizes[0].height });
  console.log(`shot ${name}`);
}

function loadAccounts(): Accounts {
  if (existsSync(accountsFile)) return JSON.parse(readFileSync(accountsFile, 'utf8')) as Accounts;
  return { adminEmail: 'rosa.admin@riverbend.example', adminPassword: 'river bend admin 2025', adminSecret: null };
}

async function signIn(page: Page, email: string, password: string, secret: string | null): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (secret !== null) {
    await page.getByLabel('Authenticator code').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const accounts = loadAccounts();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/Chicago' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Error answers the walk-through provokes on purpose (401 signed out, 400 wrong code) are not problems.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${message.text()}`);
  });

  // First run: setup.
  await page.goto(`${base}/`);
  await page.waitForLoadState('networkidle');
  if (page.url().endsWith('/setup')) {
    await shoot(page, '01-setup');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await shoot(page, '01b-setup-errors');
    await page.getByLabel('Organization name').fill('Riverbend Recovery Center');
    await page.getByLabel('Your full name').fill('Rosa Delgado');
    await page.getByLabel('Your email').fill(accounts.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(accounts.adminPassword);
    await page.getByLabel('Confirm password').fill(accounts.adminPassword);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL('**/sign-in');
    await shoot(page, '02-sign-in-after-setup');
  }

  // Wrong password, then sign in (enrolling the second factor the first time).
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(accounts.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The email or password is not right').waitFor();
  await shoot(page, '03-sign-in-wrong-password');

  if (accounts.adminSecret === null) {
    await signIn(page, accounts.adminEmail, accounts.adminPassword, null);
    await page.waitForURL('**/mfa-enrolment');
    await page.getByLabel('Setup key').waitFor();
    await shoot(page, '04-mfa-enrolment');
    const secret = (await page.getByLabel('Setup key').inputValue()).replace(/\s/g, '');
    accounts.adminSecret = secret;
    writeFileSync(accountsFile, JSON.stringify(accounts, null, 2));
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText('That code did not match').waitFor();
    await shoot(page, '04b-mfa-wrong-code', { fullPage: false });
    await page.getByLabel('6-digit code').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.waitForURL(`${base}/`);
  } else {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(accounts.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(accounts.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authenticator code').waitFor();
    await shoot(page, '04c-sign-in-code');
    await page.getByLabel('Authenticator code').fill(await freshTotp(accounts.adminSecret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL(`${base}/`);
  }
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shoot(page, '05-home-admin');

  // Phone navigation: the burger opens the menu.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, '05b-nav-open-phone.png') });
  await runAxe(page, 'nav open (phone)');
  await page.getByRole('button', { name: 'Close menu' }).click();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Programs.
  await page.goto(`${base}/programs`);
  await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
  await page.waitForLoadState('networkidle');
  if ((await page.getByText('No programs yet').count()) > 0) {
    await shoot(page, '06a-programs-empty');
    for (const [name, model, description] of [
      ['Riverbend Outpatient', 'Broker / generalist', 'Outpatient treatment for adults in Marion and Clay counties.'],
      ['Office-based opioid treatment', 'Nurse care manager (OBOT)', ''],
    ] as const) {
      await page.getByRole('button', { name: 'Add program' }).click();
      await page.getByLabel('Program name').fill(name);
      await page.getByLabel(model, { exact: true }).check();
      if (description !== '') await page.getByLabel('Description (optional)').fill(description);
      if (name === 'Riverbend Outpatient') await shoot(page, '06b-program-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Add program' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  }
  await shoot(page, '06-programs');

  // Staff: add a case manager, see the invitation link once.
  await page.goto(`${base}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
  await page.waitForLoadState('networkidle');
  const suffix = Date.now().toString(36);
  const caseManagerEmail = `marcus.${suffix}@riverbend.example`;
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByRole('button', { name: 'Add and create invitation link' }).click();
  await shoot(page, '07a-staff-add-errors', { fullPage: false });
  await page.getByLabel('Full name').fill('Marcus Johnson');
  await page.getByLabel('Work email').fill(caseManagerEmail);
  await page.getByRole('checkbox', { name: 'Case manager' }).check();
  await page.getByRole('checkbox', { name: 'Peer recovery specialist' }).check();
  await page.getByRole('combobox', { name: 'Programs (optional)' }).click();
  await page.getByRole('option', { name: 'Riverbend Outpatient' }).click();
  await page.keyboard.press('Escape');
  await shoot(page, '07b-staff-add-dialog', { fullPage: false });
  await page.getByRole('button', { name: 'Add and create invitation link' }).click();
  const linkInput = page.getByLabel('Set-password link');
  await linkInput.waitFor();
  const invitationUrl = await linkInput.inputValue();
  await shoot(page, '07c-staff-invitation-link', { fullPage: false });
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await shoot(page, '07-staff');
  await page.getByRole('button', { name: 'Actions for Marcus Johnson' }).first().click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await shoot(page, '07d-staff-deactivate-confirm', { fullPage: false });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Actions for Marcus Johnson' }).first().click();
  await page.getByRole('menuitem', { name: 'Edit name, roles and programs' }).click();
  await shoot(page, '07e-staff-edit', { fullPage: false });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Search staff').fill('marcus');
  await page.waitForTimeout(600);
  await shoot(page, '07f-staff-search');

  // Organization.
  await page.goto(`${base}/organization`);
  await page.getByLabel('Organization name').waitFor();
  await shoot(page, '08-organization');

  // API keys: create one, see the secret once.
  await page.goto(`${base}/api-keys`);
  await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByRole('combobox', { name: 'Staff member the key acts as' }).click();
  await page.getByRole('option', { name: /Rosa Delgado/ }).click();
  await page.getByLabel('Key name').fill('State reporting export');
  await shoot(page, '09a-api-key-dialog', { fullPage: false });
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByLabel('API key', { exact: true }).waitFor();
  await shoot(page, '09b-api-key-secret', { fullPage: false });
  await page.getByRole('button', { name: 'I have copied the key' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await shoot(page, '09-api-keys');

  // Audit log.
  await page.goto(`${base}/audit`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, '10-audit');

  // Account.
  await page.goto(`${base}/account`);
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, '11-account');

  // Spanish, chosen in the header and saved on the user.
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('menuitem', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: /Hola/ }).waitFor();
  await shoot(page, '12-home-es');
  await page.goto(`${base}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Personal' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shoot(page, '12b-staff-es');
  await page.goto(`${base}/programs`);
  await page.getByRole('button', { name: 'Agregar programa' }).click();
  await shoot(page, '12c-program-dialog-es', { fullPage: false });
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await page.getByRole('button', { name: 'Idioma: Español' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();

  // The invited case manager opens the link in another browser and sets a password.
  const guest = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-US', timezoneId: 'America/Chicago' });
  const invited = await guest.newPage();
  invited.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await invited.goto(invitationUrl);
  await invited.getByRole('heading', { level: 1 }).waitFor();
  await invited.getByRole('button', { name: 'Idioma: Español' }).click();
  await invited.getByRole('menuitem', { name: 'English' }).click();
  await invited.getByLabel('New password', { exact: true }).waitFor();
  await shoot(invited, '13-invitation');
  await invited.getByLabel('New password', { exact: true }).fill('marcus password 2025');
  await invited.getByLabel('Confirm new password').fill('marcus password 2025');
  await invited.getByRole('button', { name: 'Set password' }).click();
  await invited.waitForURL('**/sign-in');
  await shoot(invited, '14-sign-in-password-set');
  await signIn(invited, caseManagerEmail, 'marcus password 2025', null);
  await invited.waitForURL(`${base}/`);
  await invited.getByRole('heading', { level: 1 }).waitFor();
  await invited.waitForLoadState('networkidle');
  await shoot(invited, '15-home-case-manager');
  await invited.goto(`${base}/staff`);
  await invited.getByRole('heading', { level: 1 }).waitFor();
  await shoot(invited, '15b-staff-forbidden');
  await invited.goto(`${base}/account/second-factor`);
  await invited.getByLabel('Setup key').waitFor();
  await shoot(invited, '16-mfa-enrolment-optional');
  await invited.goto(`${base}/nowhere`);
  await shoot(invited, '17-not-found');
  await invited.getByRole('button', { name: /Account menu/ }).click();
  await invited.getByRole('menuitem', { name: 'Sign out' }).click();
  await invited.waitForURL('**/sign-in');
  await shoot(invited, '18-signed-out');
  await invited.goto(invitationUrl);
  await invited.getByRole('heading', { level: 1 }).waitFor();
  await invited.waitForLoadState('networkidle');
  await shoot(invited, '19-invitation-used');

  await browser.close();
  console.log(`\n${problems.length} serious/critical problems`);
  for (const problem of problems) console.log(`- ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

await main();
