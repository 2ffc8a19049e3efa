/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * Break-the-glass (Part 2 issue 11, item 6): a case manager of the program who is not on the
 * patient's care team looks the patient up, states why and re-enters their password, reads the
 * chart under a banner saying until when; the privacy officer (signed in with a second factor)
 * finds the event in the queue, opens it, sees what was read and reviews it with a finding.
 * A Spanish-speaking colleague sees the same screens in Spanish. Axe on each screen.
 */
const { server, browser, call, signIn } = await e2eHarness();

const people = {
  owner: {
    name: 'Rosa Delgado',
    email: 'rosa@riverbend.invalid',
    password: 'rosa chooses a passphrase',
    locale: 'en',
    roles: ['case-manager'],
  },
  responder: {
    name: 'Tomas Reed',
    email: 'tomas@riverbend.invalid',
    password: 'tomas covers the night line',
    locale: 'en',
    roles: ['case-manager'],
  },
  spanish: {
    name: 'Lucía Romero',
    email: 'lucia@riverbend.invalid',
    password: 'lucía elige una frase larga',
    locale: 'es',
    roles: ['case-manager'],
  },
  officer: {
    name: 'Beth Kowalczyk',
    email: 'beth@riverbend.invalid',
    password: 'beth reviews every access',
    locale: 'en',
    roles: ['privacy-officer'],
  },
};
const officerSecret = { value: '' };
const adminSecret = { value: '' };
const adminEmail = 'avery@riverbend.invalid';
const adminPassword = 'riverbend admin passphrase';
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
const shots = process.env.BRIDGEWAY_SCREENSHOTS;

before(async () => {
  // Only the clinical staff work in the program; the privacy officer works across the organization.
  const org = await orgWithStaff(call, {
    admin: { name: 'Avery Admin', email: adminEmail, password: adminPassword },
    people: Object.values(people).map((person) => ({ ...person, programs: person.roles.includes('case-manager') ? undefined : [] })),
  });
  adminSecret.value = org.adminSecret;
  // The privacy officer enrols a second factor (required of the role) before the browser signs in.
  const officerSession = await call('POST', '/api/session', { email: people.officer.email, password: people.officer.password });
  const officerHeaders = { cookie: officerSession.cookie, 'x-csrf-token': String(officerSession.body.csrfToken) };
  const officerEnrolment = await call('POST', '/api/session/mfa/enrolment', {}, officerHeaders);
  officerSecret.value = String(officerEnrolment.body.secret);
  const officerConfirmed = await call(
    'POST',
    '/api/session/mfa/enrolment/confirm',
    { totp: hotp(base32Decode(officerSecret.value), timeStep(Date.now())) },
    officerHeaders,
  );
  assert.equal(officerConfirmed.status, 200, JSON.stringify(officerConfirmed.body));

  // Rosa's patient, with Rosa on the care team; Tomás and Lucía are in the program but not on the team.
  const patient = { legalFirstName: 'Marisol', legalLastName: 'Núñez', dateOfBirth: '1979-11-02' };
  await patientOnCaseload(call, people.owner, patient, { programId: org.programId, openedOn: today });
});

test(
  'a case manager outside the team breaks the glass and reads the chart; the privacy officer reviews the event',
  { timeout: 240_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, 'look the patient up', async () => {
      await signIn(page, people.responder, 'Sign in', 'Today');
      // Search finds only the people one serves, and says where to go in an emergency.
      await page.getByRole('navigation').getByRole('link', { name: 'Patients', exact: true }).click();
      await page.getByRole('searchbox', { name: /^Name/ }).fill('Núñez');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('No patient found.').waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'patients-none-emergency-en.png'), fullPage: true });
      await page.getByRole('main').getByRole('link', { name: 'Use emergency access' }).click();
      await page.getByRole('heading', { level: 1, name: 'Emergency access' }).waitFor();
      await page.getByLabel(/^Last name/).fill('nunez');
      await page.getByLabel(/^Date of birth/).fill('1979-11-02');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByText('Marisol Núñez').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the lookup');
    });
    await step(page, 'state why, re-enter the password, open the chart', async () => {
      await page.getByRole('button', { name: 'Use emergency access: Marisol Núñez' }).click();
      const dialog = page.getByRole('dialog', { name: /^Emergency access to Marisol Núñez/ });
      await dialog.waitFor();
      await dialog.getByText('you can open the chart for 4 hours, or until you end it;').waitFor();
      // A wrong password opens nothing and says why.
      await dialog.getByLabel(/^Why do you need this chart now/).fill('The ED called after hours: overdose, they need her medications');
      await dialog.getByLabel(/^Your password/).fill('not my password');
      await dialog.getByRole('button', { name: 'Open the chart now' }).click();
      await dialog.getByText('This is not your current password.').first().waitFor();
      await dialog.getByLabel(/^Your password/).fill(people.responder.password);
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the emergency access dialog');
      if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-dialog-en.png'), fullPage: true });
      await dialog.getByRole('button', { name: 'Open the chart now' }).click();
      await page.getByRole('heading', { level: 1, name: 'Marisol Núñez' }).waitFor();
      const banner = page.getByRole('status').filter({ hasText: 'You are reading this chart by emergency access until' });
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /until .*(CST|CDT)/, 'the banner names the time zone');
      await banner.getByRole('button', { name: 'End emergency access now' }).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the chart under emergency access');
      if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-chart-en.png'), fullPage: true });
    });
    await step(page, 'the episode says so too', async () => {
      // The access is to the whole chart: one of its episodes, reached from the overview, carries the same banner.
      await page.getByRole('link', { name: 'Episode details: Riverbend Outpatient' }).click();
      await page.getByRole('heading', { level: 1, name: 'Marisol Núñez — Riverbend Outpatient' }).waitFor();
      const banner = page.getByRole('status').filter({ hasText: 'You are reading this chart by emergency access until' });
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /until .*(CST|CDT)/, 'the banner names the time zone');
      // Above the episode's own sections, where the reader looks first.
      const [bannerBox, phaseBox] = await Promise.all([
        banner.boundingBox(),
        page.getByRole('heading', { level: 2, name: 'Phase of care' }).boundingBox(),
      ]);
      assert.ok(bannerBox && phaseBox && bannerBox.y < phaseBox.y, 'the banner comes before the phase of care');
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on an episode under emergency access');
      if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-episode-en.png'), fullPage: true });
    });
    assert.deepEqual(breakage, []);
    await context.close();

    const officerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const officer = await officerContext.newPage();
    const officerBreakage = watchForBreakage(officer);
    await step(officer, 'the privacy officer finds the event in the queue', async () => {
      await officer.goto(`${server.origin}/sign-in`);
      await officer.getByLabel('Email').fill(people.officer.email);
      await officer.getByLabel('Password').fill(people.officer.password);
      await officer.getByRole('button', { name: 'Sign in' }).click();
      await officer.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
      // The next step's code: the enrolment already spent this one.
      await officer.getByLabel('Authenticator code').fill(hotp(base32Decode(officerSecret.value), timeStep(Date.now()) + 1));
      await officer.getByRole('button', { name: 'Verify and sign in' }).click();
      await officer.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
      await officer.getByRole('navigation').getByRole('link', { name: 'Emergency access reviews' }).click();
      await officer.getByRole('heading', { level: 1, name: 'Emergency access reviews' }).waitFor();
      const row = officer.getByRole('row').filter({ hasText: 'Marisol Núñez' });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /Tomas Reed/);
      assert.match((await row.textContent()) ?? '', /The ED called after hours/);
      assert.deepEqual(await seriousA11yViolations(officer), [], 'axe on the review queue');
      if (shots) await officer.screenshot({ path: path.join(shots, 'emergency-access-queue-en.png'), fullPage: true });
      await row.getByRole('link', { name: 'Open: Marisol Núñez' }).click();
    });
    await step(officer, 'the event shows what was read; the officer reviews it', async () => {
      await officer.getByRole('heading', { level: 1, name: 'Emergency access: Marisol Núñez' }).waitFor();
      const reads = officer.getByRole('table', { name: 'Screens opened under this access' });
      await reads.getByRole('cell', { name: 'Patient record' }).first().waitFor();
      assert.deepEqual(await seriousA11yViolations(officer), [], 'axe on the event');
      if (shots) await officer.screenshot({ path: path.join(shots, 'emergency-access-event-en.png'), fullPage: true });
      await officer.getByRole('button', { name: 'Record the review…' }).click();
      const dialog = officer.getByRole('dialog', { name: 'Review this emergency access' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Appropriate', exact: true }).check();
      await dialog.getByLabel('Note (optional)').fill('Confirmed with the ED charge nurse.');
      assert.deepEqual(await seriousA11yViolations(officer), [], 'axe on the review dialog');
      await dialog.getByRole('button', { name: 'Mark reviewed' }).click();
      await officer.getByText('Review saved.').waitFor();
      await officer.getByText(/^Reviewed by Beth Kowalczyk on /).waitFor();
      await officer.getByRole('link', { name: 'Back to the reviews' }).click();
      await officer.getByRole('heading', { level: 1, name: 'Emergency access reviews' }).waitFor();
      await officer.getByText('Nothing is waiting for review.').waitFor();
      await officer.getByText('Reviewed', { exact: true }).click();
      await officer.getByRole('row').filter({ hasText: 'Marisol Núñez' }).getByText('Appropriate').waitFor();
    });
    await step(officer, 'the CSV download answers a file', async () => {
      const href = await officer.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
      const csv = await officer.evaluate(async (url) => {
        const response = await fetch(url ?? '');
        return { type: response.headers.get('content-type'), text: await response.text() };
      }, href);
      assert.match(csv.type ?? '', /^text\/csv/);
      assert.match(csv.text, /Marisol Núñez/);
    });
    assert.deepEqual(officerBreakage, []);
    await officerContext.close();
  },
);

test('the same screens in Spanish', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the Spanish dialog', async () => {
    await signIn(page, people.spanish, 'Iniciar sesión', 'Hoy');
    await page.getByRole('navigation').getByRole('link', { name: 'Acceso de emergencia', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Acceso de emergencia' }).waitFor();
    await page.getByLabel(/^Apellido/).fill('NÚÑEZ');
    await page.getByLabel(/^Fecha de nacimiento/).fill('1979-11-02');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('button', { name: 'Usar acceso de emergencia: Marisol Núñez' }).click();
    const dialog = page.getByRole('dialog', { name: /^Acceso de emergencia al expediente de Marisol Núñez/ });
    await dialog.getByText('todo lo que abra queda registrado como acceso de emergencia;').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish dialog');
    if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-dialog-es.png'), fullPage: true });
  });
  await step(page, 'the Spanish banner on the chart and on its episode', async () => {
    const dialog = page.getByRole('dialog', { name: /^Acceso de emergencia al expediente de Marisol Núñez/ });
    await dialog
      .getByLabel(/^¿Por qué necesita este expediente ahora/)
      .fill('Llamaron de urgencias: sobredosis, necesitan sus medicamentos');
    await dialog.getByLabel(/^Su contraseña/).fill(people.spanish.password);
    await dialog.getByRole('button', { name: 'Abrir el expediente ahora' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Núñez' }).waitFor();
    const text = 'Está leyendo este expediente con acceso de emergencia hasta';
    await page.getByRole('status').filter({ hasText: text }).waitFor();
    await page.getByRole('link', { name: 'Detalles del episodio: Riverbend Outpatient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Núñez — Riverbend Outpatient' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: text });
    await banner.getByRole('button', { name: 'Terminar el acceso de emergencia ahora' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish episode under emergency access');
    if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-episode-es.png'), fullPage: true });
    // Ending it from the episode closes the chart and takes the reader back to emergency access.
    await banner.getByRole('button', { name: 'Terminar el acceso de emergencia ahora' }).click();
    await page.getByText('Terminó el acceso de emergencia.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Acceso de emergencia' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('an admin sets how long emergency access lasts', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the organization settings', async () => {
    await page.goto(`${server.origin}/sign-in`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    await page.getByLabel('Authenticator code').fill(hotp(base32Decode(adminSecret.value), timeStep(Date.now()) + 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
    await page.goto(`${server.origin}/organization`);
    await page.getByRole('heading', { level: 1, name: 'Organization' }).waitFor();
    const hours = page.getByLabel(/^Emergency access lasts \(hours\)/);
    assert.equal(await hours.inputValue(), '4');
    await hours.fill('6');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Organization settings saved.').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the organization settings');
    if (shots) await page.screenshot({ path: path.join(shots, 'emergency-access-hours-en.png'), fullPage: true });
    const organization = await page.evaluate(
      async () => (await (await fetch('/api/organization')).json()) as { emergencyAccessHours: number },
    );
    assert.equal(organization.emergencyAccessHours, 6);
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
