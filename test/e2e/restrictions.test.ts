import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { base32Decode, hotp, timeStep } from '../../src/lib/auth/totp.ts';
import { seriousA11yViolations, settled, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, step, e2eHarness } from '../support/e2e.ts';

/**
 * Restricted records and sensitive notes (docs/restrictions.md): a counselor marks a note
 * sensitive; a supervisor restricts the patient and excludes a colleague (a relative); the peer
 * specialist on the team sees the contact but not the note (Spanish); the excluded colleague no
 * longer finds the chart.
 */
const { server, browser, call } = await e2eHarness();

const TZ = 'America/Chicago';
const shotsDir = process.env.BRIDGEWAY_SCREENSHOTS;
type Person = {
  name: string;
  email: string;
  password: string;
  locale: 'en' | 'es';
  roles: string[];
  id: string;
  secret: string;
  step: number;
};
const person = (name: string, email: string, locale: 'en' | 'es', roles: string[]): Person => ({
  name,
  email,
  password: `${email} passphrase long enough`,
  locale,
  roles,
  id: '',
  secret: '',
  step: 0,
});
const sam = person('Sam Okafor', 'sam@riverbend.invalid', 'en', ['supervisor']);
const rosa = person('Rosa Delgado', 'rosa@riverbend.invalid', 'en', ['case-manager']);
const kim = person('Kim Bell', 'kim@riverbend.invalid', 'en', ['counselor']);
const ana = person('Ana Ruiz', 'ana@riverbend.invalid', 'es', ['peer-recovery-specialist']);
const dana = person('Dana Cruz', 'dana@riverbend.invalid', 'en', ['case-manager']);
const ids = { patient: '', episode: '', contact: '' };

type Headers = Record<string, string>;
async function session(email: string, password: string, totp?: string): Promise<Headers> {
  const answer = await call('POST', '/api/session', { email, password, ...(totp ? { totp } : {}) });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return { cookie: answer.cookie, 'x-csrf-token': String(answer.body.csrfToken) };
}

before(async () => {
  const org = await orgWithStaff(call, { timeZone: TZ, people: [sam, rosa, kim, ana, dana] });
  const { programId } = org;
  for (const who of [sam, rosa, kim, ana, dana]) who.id = org.ids[who.email] ?? '';
  // The supervisor enrols the second factor supervisors must have.
  const limited = await session(sam.email, sam.password);
  const samEnrolment = await call('POST', '/api/session/mfa/enrolment', {}, limited);
  sam.secret = String(samEnrolment.body.secret);
  sam.step = timeStep(Date.now());
  const samConfirmed = await call(
    'POST',
    '/api/session/mfa/enrolment/confirm',
    { totp: hotp(base32Decode(sam.secret), sam.step) },
    limited,
  );
  assert.equal(samConfirmed.status, 200, JSON.stringify(samConfirmed.body));

  // Rosa registers the patient and opens the episode; the team: Kim (counselor), Ana (peer), Dana.
  const own = await session(rosa.email, rosa.password);
  const openedOn = new Date(Date.now() - 14 * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
  const patient = await call('POST', '/api/patients', { legalFirstName: 'Marisol', legalLastName: 'Vega', dateOfBirth: '1979-11-02' }, own);
  assert.equal(patient.status, 201, JSON.stringify(patient.body));
  ids.patient = String(patient.body.id);
  const episode = await call(
    'POST',
    `/api/patients/${ids.patient}/episodes`,
    { programId, referralSource: 'self', openedOn, phase: 'intake', primaryCaseManagerId: rosa.id },
    own,
  );
  assert.equal(episode.status, 201, JSON.stringify(episode.body));
  ids.episode = String(episode.body.id);
  for (const [who, role] of [
    [kim, 'counselor'],
    [ana, 'peer-recovery-specialist'],
    [dana, 'case-manager'],
  ] as const) {
    const added = await call('POST', `/api/episodes/${ids.episode}/care-team`, { userId: who.id, role, startedOn: openedOn }, own);
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  // Kim's counseling session, its note a draft.
  const kimHeaders = await session(kim.email, kim.password);
  const contact = await call(
    'POST',
    `/api/patients/${ids.patient}/contacts`,
    {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 50,
      mode: 'office-visit',
      episodeId: ids.episode,
      note: { structure: 'narrative', sections: { narrative: 'Individual counseling: family history and grief.' } },
    },
    kimHeaders,
  );
  assert.equal(contact.status, 201, JSON.stringify(contact.body));
  ids.contact = String(contact.body.id);
});

async function shoot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await settled(page);
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Signs in through the page (with the second factor when the person has one) and waits for the first page. */
async function signIn(page: Page, who: Person) {
  const es = who.locale === 'es';
  await page.goto(`${server.origin}/sign-in`);
  await page.getByLabel(es ? 'Correo electrónico' : 'Email').fill(who.email);
  await page.getByLabel(es ? 'Contraseña' : 'Password').fill(who.password);
  await page.getByRole('button', { name: es ? 'Iniciar sesión' : 'Sign in' }).click();
  if (who.secret) {
    while (timeStep(Date.now()) <= who.step) await new Promise((resolve) => setTimeout(resolve, 1000));
    who.step = timeStep(Date.now());
    await page.getByLabel(es ? 'Código de verificación' : 'Authenticator code').fill(hotp(base32Decode(who.secret), who.step));
    await page.getByRole('button', { name: es ? 'Verificar e iniciar sesión' : 'Verify and sign in' }).click();
  }
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

test('a sensitive note, a restricted patient, and who no longer sees them', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  let page = await context.newPage();
  let breakage = watchForBreakage(page);

  await step(page, 'the counselor marks the note sensitive and signs it', async () => {
    await signIn(page, kim);
    await page.goto(`${server.origin}/contacts/${ids.contact}`);
    const box = page.getByRole('checkbox', { name: 'Sensitive (e.g. counseling notes)' });
    await box.click(); // saved with the draft, then shown checked
    await page.getByText('Sensitive', { exact: true }).waitFor();
    assert.equal(await box.isChecked(), true);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the note editor');
    await shoot(page, 'restrictions-sensitive-note-en-1280');
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText(/^Signed by Kim Bell/).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();

  const samContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await samContext.newPage();
  breakage = watchForBreakage(page);
  await step(page, 'the supervisor restricts the patient and excludes Dana', async () => {
    await signIn(page, sam);
    await page.goto(`${server.origin}/patients/${ids.patient}`);
    await page.getByRole('heading', { level: 2, name: 'Restricted access' }).waitFor();
    await page.getByRole('button', { name: 'Restrict access…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restrict access to this record' });
    await dialog.getByLabel('Excluded', { exact: true }).first().click();
    await page.getByRole('option', { name: dana.name }).click();
    await page.keyboard.press('Escape'); // close the dropdown
    await dialog.getByText(dana.name).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the restriction dialog');
    await shoot(page, 'restrictions-dialog-en-1280');
    await dialog.getByRole('button', { name: 'Save the restriction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Restricted record', { exact: true }).waitFor();
    await page.getByText(`Excluded: ${dana.name}`).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the restricted chart');
    await shoot(page, 'restrictions-chart-en-1280');
  });
  await step(page, 'the episode screen offers to restrict the episode alone', async () => {
    await page.goto(`${server.origin}/episodes/${ids.episode}`);
    await page.getByRole('heading', { level: 2, name: 'Restricted access' }).waitFor();
    await page.getByText('Not restricted: everyone who sees this person sees this episode.').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the episode screen');
    await shoot(page, 'restrictions-episode-en-1280');
  });
  assert.deepEqual(breakage, []);
  await samContext.close();

  const anaContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-US', hasTouch: true, isMobile: true });
  page = await anaContext.newPage();
  breakage = watchForBreakage(page);
  await step(page, 'the peer specialist sees the contact, not the note (Spanish)', async () => {
    await signIn(page, ana);
    await page.goto(`${server.origin}/patients/${ids.patient}`);
    await page.getByText('Expediente restringido', { exact: true }).waitFor();
    await page.goto(`${server.origin}/contacts/${ids.contact}`);
    await page.getByText('Una nota confidencial que no se muestra a su función.').waitFor();
    assert.equal(await page.getByText('family history').count(), 0, 'no note text on the page');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the hidden note');
    await shoot(page, 'restrictions-hidden-note-es-390');
    const byId = await page.evaluate(async (noteId) => (await fetch(`/api/notes/${noteId}`)).status, await noteIdOf(page));
    assert.equal(byId, 404);
  });
  assert.deepEqual(breakage, []);
  await anaContext.close();

  const danaContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await danaContext.newPage();
  await step(page, 'the excluded colleague no longer finds the chart', async () => {
    await signIn(page, dana);
    const status = await page.evaluate(async (id) => (await fetch(`/api/patients/${id}`)).status, ids.patient);
    assert.equal(status, 404);
    const caseload = await page.evaluate(async () => (await (await fetch('/api/caseload')).json()) as { items: unknown[] });
    assert.equal(caseload.items.length, 0);
    await page.goto(`${server.origin}/patients/${ids.patient}`);
    await page.getByText('This record was not found. It may have been removed.').waitFor();
    assert.equal(await page.getByText('Vega').count(), 0, 'no name on the page');
    await shoot(page, 'restrictions-excluded-en-1280');
  });
  await danaContext.close();
});

async function noteIdOf(page: Page): Promise<string> {
  return page.evaluate(async (contactId) => {
    const response = await fetch(`/api/contacts/${contactId}`);
    return ((await response.json()) as { note: { id: string } }).note.id;
  }, ids.contact);
}
