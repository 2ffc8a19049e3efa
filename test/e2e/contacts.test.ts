/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * Contacts and notes (issue 9): a case manager logs a phone contact with a DAP note, signs it,
 * cannot edit it, adds an addendum and sees the episode's next-due date move; a draft typed
 * with the network cut is sent when it returns; the log dialog in Spanish on a phone.
 */
const { server, browser, call, signIn } = await e2eHarness();

const TZ = 'America/Chicago';
const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};
const episodes = { en: '', es: '' };
const admin = { email: 'avery@riverbend.invalid', password: 'riverbend admin passphrase', secret: '' };
const shots = process.env.BRIDGEWAY_SCREENSHOTS;

before(async () => {
  const org = await orgWithStaff(call, {
    timeZone: TZ,
    admin: { name: 'Avery Admin', ...admin },
    people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })),
  });
  admin.secret = org.adminSecret;
  // Admitted three weeks ago, never contacted: the weekly intake contact is overdue.
  const openedOn = new Date(Date.now() - 21 * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
  for (const [key, person] of Object.entries(people) as ['en' | 'es', (typeof people)['en']][]) {
    const patient = {
      legalFirstName: key === 'en' ? 'Marisol' : 'Tomás',
      legalLastName: key === 'en' ? 'Vega' : 'Ibarra',
      dateOfBirth: '1979-11-02',
    };
    episodes[key] = (await patientOnCaseload(call, person, patient, { programId: org.programId, openedOn })).episodeId;
  }
});

/** The note as the server has it (read from the page, with its session). */
async function serverNote(page: Page) {
  const contactId = page.url().split('/contacts/')[1] ?? '';
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/contacts/${id}`);
    return ((await response.json()) as { note: { id: string; version: number; status: string; sections: Record<string, string> } }).note;
  }, contactId);
}

async function logPhoneContact(page: Page, minutes: string) {
  await page.getByRole('button', { name: 'Log a contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a contact' });
  await dialog.getByLabel('Minutes').fill(minutes);
  await dialog.getByRole('button', { name: 'Log contact' }).click();
  await page.getByRole('heading', { level: 1, name: /^Contact of / }).waitFor();
}

test('a phone contact with a DAP note: signed, not editable, amended; the next-due date moves', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'My caseload shows last contact and next due', async () => {
    await signIn(page, people.en, 'Sign in', 'Today');
    await page.getByRole('navigation').getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('columnheader', { name: /Last contact/ }).waitFor();
    await page.getByRole('columnheader', { name: /Next contact due/ }).waitFor();
    await page.getByRole('cell', { name: 'None yet' }).waitFor();
  });
  await step(page, 'the episode is overdue; log a phone contact with a DAP note', async () => {
    await page.goto(`${server.origin}/episodes/${episodes.en}`);
    await page.getByRole('heading', { level: 2, name: 'Contacts' }).waitFor();
    await page.getByText(/^Overdue since/).waitFor();
    await page.getByRole('button', { name: 'Log a contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a contact' });
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the log dialog');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-log-en.png'), fullPage: true });
    await dialog.getByLabel('Minutes').fill('25');
    await dialog.getByRole('checkbox', { name: 'Planning' }).check();
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await page.getByRole('heading', { level: 1, name: /^Contact of / }).waitFor();
  });
  await step(page, 'write the note: it saves itself', async () => {
    await page.getByLabel('Data').fill('Called Marisol; she kept her clinic appointment and is looking for work.');
    await page.getByLabel('Assessment').fill('Engaged and motivated; housing still unstable.');
    await page.getByLabel('Plan').fill('Call back Thursday about the housing application.');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const note = await serverNote(page);
    assert.equal(note.sections.plan, 'Call back Thursday about the housing application.');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the note editor');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-note-en.png'), fullPage: true });
  });
  await step(page, 'sign it: it can no longer be edited', async () => {
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText('This note is signed and cannot be edited. Add an addendum to correct or add to it.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Data' }).count(), 0, 'no editable section');
    const note = await serverNote(page);
    assert.equal(note.status, 'signed');
    const refused = await page.evaluate(
      async ({ id, version }) => {
        const csrf = await fetch('/api/session').then(async (r) => ((await r.json()) as { csrfToken: string }).csrfToken);
        const response = await fetch(`/api/notes/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': csrf },
          body: JSON.stringify({ sections: { data: 'changed after signing' } }),
        });
        return { status: response.status, code: ((await response.json()) as { code: string }).code };
      },
      { id: note.id, version: note.version },
    );
    assert.deepEqual(refused, { status: 409, code: 'note-signed' });
  });
  await step(page, 'add an addendum', async () => {
    await page.getByLabel('Addendum').fill('Correction: the call lasted 30 minutes.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByText('Correction: the call lasted 30 minutes.', { exact: true }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the signed note');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-signed-en.png'), fullPage: true });
  });
  await step(page, '"call back Thursday": a follow-up task from the contact joins Today', async () => {
    await page.getByRole('button', { name: 'Add a follow-up task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a follow-up task' });
    await dialog.getByLabel('What is to be done').fill('Call back about the housing application');
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await page.getByText('Added to your tasks: “Call back about the housing application”').waitFor();
    await page.goto(`${server.origin}/today`);
    await page.getByRole('heading', { level: 2, name: /Tasks due and overdue/ }).waitFor();
    await page.getByText('Call back about the housing application').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on Today with a follow-up task');
    if (shots) await page.screenshot({ path: path.join(shots, 'today-with-contacts-en.png'), fullPage: true });
    await page.goBack();
    await page.getByLabel('Addendum').waitFor();
  });
  await step(page, 'back on the episode, the next contact is due a week from today', async () => {
    await page.getByRole('link', { name: /Back to the episode/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Contacts' }).waitFor();
    await page.getByTestId('next-due').waitFor();
    assert.equal(await page.getByText(/^Overdue since/).count(), 0);
    const due = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });
    const shown = await page.evaluate(async (episodeId) => {
      const response = await fetch(`/api/episodes/${episodeId}/contacts`);
      return ((await response.json()) as { status: { nextDueOn: string } }).status.nextDueOn;
    }, episodes.en);
    assert.equal(shown, due);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the episode with contacts');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-episode-en.png'), fullPage: true });
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test(
  'a draft typed with the network cut stays on the device, marked not yet sent, and is sent when it returns',
  { timeout: 120_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await step(page, 'offline typing', async () => {
      await signIn(page, people.en, 'Sign in', 'Today');
      await page.goto(`${server.origin}/episodes/${episodes.en}`);
      await logPhoneContact(page, '10');
      await page.getByLabel('Data').waitFor();
      await context.setOffline(true);
      await page.getByLabel('Data').fill('Typed in the parking lot with no signal.');
      await page
        .getByRole('status')
        .filter({ hasText: /^Not yet sent/ })
        .waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'contacts-offline-en.png'), fullPage: true });
      const stored = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('bridgeway-drafts');
            open.onsuccess = () => {
              const count = open.result.transaction('notes').objectStore('notes').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
      assert.equal(stored, 1, 'the draft is kept in IndexedDB');
    });
    await step(page, 'the connection returns', async () => {
      await context.setOffline(false);
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor({ timeout: 20_000 });
      const note = await serverNote(page);
      assert.equal(note.sections.data, 'Typed in the parking lot with no signal.');
    });
    await context.close();
  },
);

test('two writers of one draft: the editor shows both texts and keeps the one chosen', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'another tab saves first', async () => {
    await signIn(page, people.en, 'Sign in', 'Today');
    await page.goto(`${server.origin}/episodes/${episodes.en}`);
    await logPhoneContact(page, '12');
    await page.getByLabel('Data').waitFor();
    const note = await serverNote(page);
    const saved = await page.evaluate(
      async ({ id, version }) => {
        const csrf = await fetch('/api/session').then(async (r) => ((await r.json()) as { csrfToken: string }).csrfToken);
        const response = await fetch(`/api/notes/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': csrf },
          body: JSON.stringify({ sections: { data: 'Written in the other tab.' } }),
        });
        return response.status;
      },
      { id: note.id, version: note.version },
    );
    assert.equal(saved, 200);
    await page.getByLabel('Data').fill('Written in this tab.');
    await page.getByText('This note was saved somewhere else').waitFor();
    assert.match(await page.getByTestId('conflict-mine').innerText(), /Written in this tab\./);
    assert.match(await page.getByTestId('conflict-theirs').innerText(), /Written in the other tab\./);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the conflict view');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-conflict-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    assert.equal((await serverNote(page)).sections.data, 'Written in this tab.');
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('in Spanish on a phone: the contacts section and the log dialog', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-US', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'Spanish', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/episodes/${episodes.es}`);
    await page.getByRole('heading', { level: 2, name: 'Contactos' }).waitFor();
    await page.getByText(/^Atrasado desde/).waitFor();
    await page.getByRole('button', { name: 'Registrar un contacto' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar un contacto' });
    await dialog.getByRole('checkbox', { name: 'Acercamiento' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish log dialog');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-log-es-phone.png'), fullPage: true });
    // More than a day: the field itself refuses it (the server would too: a 400 naming it).
    await dialog.getByLabel('Minutos').fill('1441');
    assert.equal(await dialog.getByLabel('Minutos').evaluate((input) => (input as HTMLInputElement).validity.rangeOverflow), true);
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('an admin sets a program’s contact cadence', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'cadence screen', async () => {
    const { base32Decode, hotp, timeStep } = await import('../../src/lib/auth/totp.ts');
    await page.goto(`${server.origin}/sign-in`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your authenticator code' }).waitFor();
    // The next step's code: the enrolment already spent this one.
    await page.getByLabel('Authenticator code').fill(hotp(base32Decode(admin.secret), timeStep(Date.now()) + 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Contact cadence' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact cadence' }).waitFor();
    await page.getByText('This program uses the default cadence.').waitFor();
    await page.getByLabel('Days between contacts: Continuing care').fill('21');
    await page.getByRole('button', { name: 'Save cadence' }).click();
    await page.getByText('The cadence is saved.').waitFor();
    assert.equal(await page.getByText('This program uses the default cadence.').count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the cadence screen');
    if (shots) await page.screenshot({ path: path.join(shots, 'contacts-cadence-en.png'), fullPage: true });
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
