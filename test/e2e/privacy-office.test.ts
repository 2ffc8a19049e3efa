/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { startOfDayInZone } from '../../src/lib/dates.ts';
import { seriousA11yViolations, settled, watchForBreakage } from '../support/browser.ts';
import { apiSession, orgWithStaff, step, e2eHarness } from '../support/e2e.ts';

/**
 * The privacy officer's screens (docs/privacy-office.md): signs in with a second factor, opens
 * the landing page with its counts, filters the audit log by a date range and a staff member,
 * pages with "Load more", downloads the CSV (and finds the export in the log), reviews an
 * emergency disclosure with a finding, opens the disclosures log and the expiring consents; a
 * Spanish-speaking privacy officer sees the landing page in Spanish. Axe on each screen.
 */
const { server, browser, call } = await e2eHarness();

const zone = 'America/Chicago';
const today = new Date().toLocaleDateString('en-CA', { timeZone: zone });
// An hour ago, unless that was last month: the landing page counts this month's disclosures.
const anHourAgoThisMonth = new Date(
  Math.max(Date.now() - 3_600_000, Date.parse(startOfDayInZone(`${today.slice(0, 8)}01`, zone))),
).toISOString();
const inDays = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const officers = {
  en: { name: 'Beth Kowalczyk', email: 'beth@riverbend.invalid', password: 'beth keeps the privacy office', locale: 'en', secret: '' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía guarda la privacidad', locale: 'es', secret: '' },
};
const shots = process.env.BRIDGEWAY_SCREENSHOTS;

type Headers = Record<string, string>;

/** Enrols a second factor by the API (privacy officers must have one). */
async function enrol(headers: Headers): Promise<{ secret: string; headers: Headers }> {
  const enrolment = await call('POST', '/api/session/mfa/enrolment', {}, headers);
  const secret = String(enrolment.body.secret);
  const confirmed = await call(
    'POST',
    '/api/session/mfa/enrolment/confirm',
    { totp: hotp(base32Decode(secret), timeStep(Date.now())) },
    headers,
  );
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  return { secret, headers: { cookie: confirmed.cookie, 'x-csrf-token': String(confirmed.body.csrfToken) } };
}

before(async () => {
  // Two case managers at work (Rosa's trail is what the officer searches), and the officers.
  const org = await orgWithStaff(call, {
    timeZone: zone,
    people: [
      { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', roles: ['case-manager'] },
      { name: 'Dana Whitfield', email: 'dana@riverbend.invalid', password: 'dana chooses a passphrase', roles: ['case-manager'] },
      ...Object.values(officers).map((officer) => ({ ...officer, roles: ['privacy-officer'], programs: [] })),
    ],
  });
  const { programId } = org;
  const rosa = await apiSession(call, 'rosa@riverbend.invalid', 'rosa chooses a passphrase');
  const dana = await apiSession(call, 'dana@riverbend.invalid', 'dana chooses a passphrase');
  for (const [who, first, last] of [
    [rosa, 'Marisol', 'Vega'],
    [dana, 'Joaquín', 'Ibarra'],
  ] as const) {
    const patient = await call(
      'POST',
      '/api/patients',
      { legalFirstName: first, legalLastName: last, dateOfBirth: '1979-11-02' },
      who.headers,
    );
    assert.equal(patient.status, 201, JSON.stringify(patient.body));
    const patientId = String(patient.body.id);
    const episode = await call(
      'POST',
      `/api/patients/${patientId}/episodes`,
      { programId, referralSource: 'self', openedOn: today, phase: 'intake', primaryCaseManagerId: who.userId },
      who.headers,
    );
    assert.equal(episode.status, 201, JSON.stringify(episode.body));
    if (who !== rosa) continue;
    const consent = await call(
      'POST',
      `/api/patients/${patientId}/consents`,
      {
        kind: 'specific',
        disclosingParty: 'Riverbend Recovery Center',
        recipientKind: 'named',
        recipientName: 'County Adult Probation',
        informationKinds: ['attendance'],
        informationDescription: 'Whether I attend treatment',
        purposes: ['legal'],
        expirationKind: 'date',
        expiresOn: inDays(12),
        language: 'en',
        signatureMethod: 'verbal',
        witnessName: 'Dana Whitfield',
        signer: 'patient',
        signedOn: today,
      },
      who.headers,
    );
    assert.equal(consent.status, 201, JSON.stringify(consent.body));
    const disclosed = await call(
      'POST',
      `/api/patients/${patientId}/disclosures`,
      {
        recipientName: 'County Adult Probation',
        recipientClass: 'other',
        informationKinds: ['attendance'],
        purpose: 'legal',
        description: 'Attendance letter',
      },
      who.headers,
    );
    assert.equal(disclosed.status, 201, JSON.stringify(disclosed.body));
    const emergency = await call(
      'POST',
      `/api/patients/${patientId}/emergency-disclosures`,
      {
        recipientName: 'Dr. Imani Reyes',
        recipientAffiliation: 'St. Luke’s Hospital Emergency Department',
        informationKinds: ['medications', 'sud-diagnosis'],
        emergencyNature: 'Brought in unresponsive; the ED needed the current methadone dose',
        disclosedAt: anHourAgoThisMonth,
      },
      who.headers,
    );
    assert.equal(emergency.status, 201, JSON.stringify(emergency.body));
    // Enough of Rosa's reads for more than one page of the log (50 a page).
    for (let i = 0; i < 55; i += 1) assert.equal((await call('GET', `/api/patients/${patientId}`, undefined, who.headers)).status, 200);
  }
  for (const officer of Object.values(officers)) {
    officer.secret = (await enrol((await apiSession(call, officer.email, officer.password)).headers)).secret;
  }
});

async function shoot(page: Page, name: string, sizes = [1280, 390]): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of sizes) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize(original);
  await settled(page);
}

async function accessible(page: Page, where: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${where}`);
}

/** Password, then the authenticator code (the next time step: enrolment used this one). */
async function signInWithCode(
  page: Page,
  person: (typeof officers)['en'],
  labels: { email: string; password: string; submit: string; code: string; verify: string },
) {
  await page.goto(`${server.origin}/sign-in`);
  await page.getByLabel(labels.email, { exact: true }).fill(person.email);
  await page.getByLabel(labels.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByLabel(labels.code, { exact: true }).fill(hotp(base32Decode(person.secret), timeStep(Date.now()) + 1));
  await page.getByRole('button', { name: labels.verify }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

test(
  'the privacy officer: counts, audit search by dates and staff member, paging, CSV, reviewing an emergency disclosure',
  { timeout: 240_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);

    await step(page, 'the landing page counts what waits', async () => {
      await signInWithCode(page, officers.en, {
        email: 'Email',
        password: 'Password',
        submit: 'Sign in',
        code: 'Authenticator code',
        verify: 'Verify and sign in',
      });
      await page.getByRole('link', { name: 'Privacy office' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Privacy office' }).waitFor();
      const emergency = page.getByRole('region', { name: 'Emergency disclosures awaiting review' });
      await emergency.getByText('1', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Consents expiring in the next 30 days' }).getByText('1', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Disclosures this month' }).getByText('2', { exact: true }).waitFor();
      await page
        .getByRole('main')
        .getByRole('link', { name: /Emergency access reviews/ })
        .waitFor();
      await page.getByRole('region', { name: 'Emergency access events awaiting review' }).waitFor();
      await accessible(page, 'the privacy office');
      await shoot(page, 'privacy-office');
    });

    await step(page, 'the audit log, filtered by a date range and a staff member, paged', async () => {
      await page.getByRole('link', { name: /^Audit log: / }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await page.getByLabel('From', { exact: true }).fill(inDays(-1));
      await page.getByLabel('To', { exact: true }).fill(today);
      const staff = page.getByLabel('Staff member', { exact: true }).first();
      await staff.click();
      await staff.fill('Rosa');
      await page.getByRole('option', { name: 'Rosa Delgado' }).click();
      await page.getByRole('button', { name: 'Show events' }).click();
      await page.getByText('Showing the first 50.').waitFor();
      const table = page.getByRole('region', { name: 'Audit events' });
      const who = await table.locator('tbody tr th + td').allInnerTexts();
      assert.ok(who.length === 50 && who.every((name) => name === 'Rosa Delgado'), JSON.stringify(who.slice(0, 5)));
      await shoot(page, 'audit-search');
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.getByText(/^Showing all \d+\.$/).waitFor();
      const all = await table.locator('tbody tr th + td').allInnerTexts();
      assert.ok(all.length > 50 && all.every((name) => name === 'Rosa Delgado'));
      await accessible(page, 'the audit log, filtered');
      await shoot(page, 'audit-search');
    });

    await step(page, 'download the filtered log as CSV; the download is in the log', async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download CSV' }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
      const lines = text.trim().split('\r\n');
      assert.match(lines[0] ?? '', /^occurred_at,action,who,/);
      assert.ok(lines.length > 56 && lines.slice(1).every((line) => line.includes(',Rosa Delgado,')), `${lines.length} lines`);
      const exports = await page.request.get(`${server.origin}/api/audit-events?action=export&recordType=audit-log`);
      const items = ((await exports.json()) as { items: { details: { filters: string[]; rows: number } }[] }).items;
      assert.deepEqual(items[0]?.details, { filters: ['actorUserId', 'from', 'to'], rows: lines.length - 1, truncated: false });
    });

    await step(page, 'review the emergency disclosure with a finding', async () => {
      await page.goto(`${server.origin}/privacy`);
      await page.getByRole('link', { name: 'Review emergency disclosures' }).click();
      await page.getByRole('heading', { level: 1, name: 'Emergency disclosures to review' }).waitFor();
      await page.getByText('Brought in unresponsive; the ED needed the current methadone dose').waitFor();
      await accessible(page, 'the emergency disclosures');
      await shoot(page, 'emergency-queue');
      await page.getByRole('button', { name: 'Review the disclosure to Dr. Imani Reyes' }).click();
      const dialog = page.getByRole('dialog', { name: 'Review the disclosure to Dr. Imani Reyes' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Needs follow-up' }).check();
      await dialog.getByRole('button', { name: 'Save the finding' }).click();
      // Without a note the server refuses, naming the field.
      await dialog.getByText('Check the fields marked below.', { exact: false }).waitFor();
      await accessible(page, 'the review dialog');
      await shoot(page, 'emergency-review', [1280]);
      await dialog.getByLabel(/^Note/).fill('Ask Rosa to add the ED’s callback number to the record.');
      await dialog.getByRole('button', { name: 'Save the finding' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Nothing to review.').waitFor();
      await page.getByText('Reviewed', { exact: true }).click();
      await page.getByText('Needs follow-up').waitFor();
      await page.getByText(/^Beth Kowalczyk, /).waitFor();
      await accessible(page, 'the reviewed emergency disclosures');
      await shoot(page, 'emergency-reviewed');
    });

    await step(page, 'the disclosures log and the consents expiring soon', async () => {
      await page.goto(`${server.origin}/disclosures`);
      await page.getByRole('heading', { level: 1, name: 'Disclosures log' }).waitFor();
      await page.getByText('Attendance letter').waitFor();
      await page.getByLabel('Basis', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Medical emergency, without consent' }).click();
      await page.getByRole('button', { name: 'Show disclosures' }).click();
      await page.getByText('Showing all 1.').waitFor();
      await accessible(page, 'the disclosures log');
      await shoot(page, 'disclosure-log');
      await page.goto(`${server.origin}/consents/expiring`);
      await page.getByRole('heading', { level: 1, name: 'Consents expiring soon' }).waitFor();
      await page.getByText('County Adult Probation').waitFor();
      await accessible(page, 'the expiring consents');
      await shoot(page, 'expiring-consents');
    });
    assert.deepEqual(breakage, []);
    await context.close();
  },
);

test('a Spanish-speaking privacy officer reads the privacy office in Spanish', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'la oficina de privacidad', async () => {
    await signInWithCode(page, officers.es, {
      email: 'Correo electrónico',
      password: 'Contraseña',
      submit: 'Iniciar sesión',
      code: 'Código de verificación',
      verify: 'Verificar e iniciar sesión',
    });
    await page.goto(`${server.origin}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Oficina de privacidad' }).waitFor();
    await page.getByRole('region', { name: 'Divulgaciones este mes' }).waitFor();
    await accessible(page, 'la oficina de privacidad');
    await shoot(page, 'privacy-office-es');
    await page.goto(`${server.origin}/emergency-disclosures`);
    await page.getByText('Revisadas', { exact: true }).waitFor();
    await accessible(page, 'divulgaciones de emergencia');
    await shoot(page, 'emergency-queue-es', [1280]);
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
