/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { launchBrowser, seriousA11yViolations, settled, watchForBreakage } from '../support/browser.ts';
import { createTestDatabase } from '../support/db.ts';
import { freePort, startServer, stopServer } from '../support/server.ts';

/**
 * The screens in Spanish read with the glossary's words (docs/glossary.md): the staff page of
 * an administrator, a patient with two last names and their overview, and an episode with the
 * handoff dialog open. With BRIDGEWAY_SHOTS_DIR set, each is also saved there at 1280×800.
 */
const database = await createTestDatabase();
const server = await startServer({ DATABASE_URL: database.url }, await freePort());
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await stopServer(server);
  await database.drop();
});

type Headers = Record<string, string>;
async function call(method: string, url: string, body?: unknown, headers: Headers = {}) {
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

const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
let adminCookie = '';
let rosaCookie = '';
let patientId = '';
let episodeId = '';

/** Arranged over HTTP: an organization in Spanish, a program, two case managers, a patient with an open episode. */
before(async () => {
  const adminPassword = 'organización de prueba segura';
  const setup = await call('POST', '/api/setup', {
    organizationName: 'Centro de Recuperación Riverbend',
    timeZone: 'America/Chicago',
    adminName: 'Avery Admin',
    adminEmail: 'avery@riverbend.invalid',
    adminPassword,
    locale: 'es',
  });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  const signIn = await call('POST', '/api/session', { email: 'avery@riverbend.invalid', password: adminPassword });
  let headers: Headers = { cookie: signIn.cookie, 'x-csrf-token': String(signIn.body.csrfToken) };
  const enrolment = await call('POST', '/api/session/mfa/enrolment', {}, headers);
  const code = hotp(base32Decode(String(enrolment.body.secret)), timeStep(Date.now()));
  const confirmed = await call('POST', '/api/session/mfa/enrolment/confirm', { totp: code }, headers);
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  adminCookie = confirmed.cookie;
  headers = { cookie: confirmed.cookie, 'x-csrf-token': String(confirmed.body.csrfToken) };

  const program = await call(
    'POST',
    '/api/programs',
    { name: 'Riverbend Ambulatorio', caseManagementModel: 'nurse-care-manager' },
    headers,
  );
  assert.equal(program.status, 201, JSON.stringify(program.body));
  const users: Record<string, string> = {};
  for (const [name, email, roles] of [
    ['Rosa Delgado', 'rosa@riverbend.invalid', ['case-manager']],
    ['Tomás Herrera', 'tomas@riverbend.invalid', ['case-manager', 'counselor']],
    ['Lucía Ramírez', 'lucia@riverbend.invalid', ['nurse-care-manager']],
    ['Marcos Peña', 'marcos@riverbend.invalid', ['peer-recovery-specialist', 'community-health-worker']],
  ] as const) {
    const invited = await call(
      'POST',
      '/api/users',
      { email, displayName: name, roles, programIds: [String(program.body.id)], locale: 'es' },
      headers,
    );
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    users[name] = String((invited.body.user as { id: string }).id);
    if (name === 'Marcos Peña') continue; // stays invited
    const token = String(invited.body.invitationUrl).split('/invitations/')[1] ?? '';
    assert.equal((await call('POST', `/api/invitations/${token}/acceptance`, { password: `${email} frase larga` })).status, 204);
  }

  const rosa = await call('POST', '/api/session', { email: 'rosa@riverbend.invalid', password: 'rosa@riverbend.invalid frase larga' });
  rosaCookie = rosa.cookie;
  const asRosa: Headers = { cookie: rosa.cookie, 'x-csrf-token': String(rosa.body.csrfToken) };
  const patient = await call(
    'POST',
    '/api/patients',
    {
      legalFirstName: 'María',
      legalMiddleName: 'Guadalupe',
      legalLastName: 'Hernández Ochoa',
      preferredName: 'Lupita',
      pronouns: 'ella',
      dateOfBirth: '1986-03-07',
      preferredLanguage: 'es',
      phones: [{ number: '(555) 201-4477', kind: 'mobile', consentToText: true, voicemailSafe: false }],
      coverages: [{ kind: 'medicaid', payerName: 'Medicaid de Texas', memberId: 'TX5520', startDate: '2025-01-01' }],
    },
    asRosa,
  );
  assert.equal(patient.status, 201, JSON.stringify(patient.body));
  patientId = String(patient.body.id);
  const episode = await call(
    'POST',
    `/api/patients/${patientId}/episodes`,
    {
      programId: String(program.body.id),
      referralSource: 'court-justice',
      referralDate: '2025-03-07',
      openedOn: '2025-03-10',
      phase: 'intake',
      primaryCaseManagerId: users['Rosa Delgado'],
    },
    asRosa,
  );
  assert.equal(episode.status, 201, JSON.stringify(episode.body));
  episodeId = String(episode.body.id);
  for (const [userId, role] of [
    [users['Tomás Herrera'], 'case-manager'],
    [users['Lucía Ramírez'], 'nurse-care-manager'],
  ] as const) {
    const member = await call('POST', `/api/episodes/${episodeId}/care-team`, { userId, role, startedOn: '2025-03-10' }, asRosa);
    assert.equal(member.status, 201, JSON.stringify(member.body));
  }
  const placement = await call(
    'POST',
    `/api/episodes/${episodeId}/placements`,
    { levelEdition: 'asam-3', levelCode: '3.7-wm', startDate: '2025-03-10' },
    asRosa,
  );
  assert.equal(placement.status, 201, JSON.stringify(placement.body));
});

async function contextWith(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-US' });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.origin }]);
  return context;
}

const shotsDir = process.env.BRIDGEWAY_SHOTS_DIR;
async function shoot(page: Page, name: string): Promise<void> {
  if (shotsDir === undefined || shotsDir === '') return;
  mkdirSync(shotsDir, { recursive: true });
  await settled(page);
  await page.screenshot({ path: path.join(shotsDir, `es-${name}.png`), fullPage: true });
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('the staff page in Spanish names roles with (a) and the system administrator apart', { timeout: 120_000 }, async () => {
  const context = await contextWith(adminCookie);
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await page.goto(`${server.origin}/staff`);
  await heading(page, 'Personal').waitFor();
  const table = page.getByRole('table', { name: 'Miembros del personal' });
  await table.getByText('Administrador(a) del sistema').waitFor();
  await table.getByText('Administrador(a) de casos').first().waitFor();
  await table.getByText('Enfermero(a) coordinador(a) de atención').waitFor();
  await table.getByText('Especialista de apoyo entre pares').waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);
  await shoot(page, 'staff');
  await table.getByRole('button', { name: 'Acciones para Tomás Herrera' }).click();
  await page.getByRole('menuitem', { name: 'Desactivar' }).click();
  await page.getByRole('dialog').getByText('Tomás Herrera ya no podrá iniciar sesión').waitFor();
  await shoot(page, 'staff-deactivate');
  assert.deepEqual(breakage, []);
  await context.close();
});

test('a patient with two last names, the overview and the handoff dialog in Spanish', { timeout: 120_000 }, async () => {
  const context = await contextWith(rosaCookie);
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await page.goto(`${server.origin}/patients/${patientId}`);
  await heading(page, /Lupita/).waitFor();
  await page.getByText('Nació el 7 de marzo de 1986').waitFor();
  await page.getByText('Se pueden enviar mensajes de texto').waitFor();
  await page.getByText('No dejar mensaje de voz').waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);
  await shoot(page, 'patient-overview');

  await page.goto(`${server.origin}/episodes/${episodeId}`);
  await heading(page, /Riverbend Ambulatorio/).waitFor();
  await page.getByText('Abierto desde el 10 de marzo de 2025').waitFor();
  await page
    .getByText(/Manejo del síndrome de abstinencia en internamiento/)
    .first()
    .waitFor();
  await page.getByRole('button', { name: 'Hacer un traspaso' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Rosa Delgado deja de ser administrador(a) de casos principal en esta fecha.', { exact: false }).waitFor();
  await dialog.getByLabel('Nuevo(a) administrador(a) de casos principal').first().click();
  await page.getByRole('option', { name: /Tomás Herrera/ }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Fecha del traspaso').fill(today);
  assert.deepEqual(await seriousA11yViolations(page), []);
  await shoot(page, 'episode-handoff');
  await page.keyboard.press('Escape');

  await page.goto(`${server.origin}/patients`);
  await page.getByRole('button', { name: 'Registrar a un paciente' }).click();
  await page.getByRole('dialog').getByText('Los dos si la persona usa dos (García López)').waitFor();
  await shoot(page, 'register-dialog');
  assert.deepEqual(breakage, []);
  await context.close();
});
