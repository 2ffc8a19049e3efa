/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * Needs, strengths and the patient-facing mode (issue 10, items 4–6): a case manager hands the
 * tablet to the patient for the AHC screen, the patient answers in large type with nothing else
 * of the record in reach, a wrong password keeps it locked, the right one gives it back; the
 * completed screen proposes needs, one is confirmed and one dismissed with a reason. The same
 * screens in Spanish, and the strengths inventory.
 */
const { server, browser, call, signIn } = await e2eHarness();

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};

const episodes: Record<'en' | 'es', { episode: string; patient: string }> = {
  en: { episode: '', patient: '' },
  es: { episode: '', patient: '' },
};

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  // Each case manager has a patient with an open episode to screen.
  const names = { en: ['Marisol', 'Vega'], es: ['Ernesto', 'Salas'] } as const;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
  for (const key of ['en', 'es'] as const) {
    const [legalFirstName, legalLastName] = names[key];
    const patient = { legalFirstName, legalLastName, dateOfBirth: '1979-11-02' };
    const made = await patientOnCaseload(call, people[key], patient, { programId: org.programId, openedOn: today });
    episodes[key] = { episode: made.episodeId, patient: made.patientId };
  }
});

/** From the episode screen: starts the AHC screen and hands it to the patient in `language`. */
async function handOverAhc(
  page: Page,
  episodeId: string,
  words: { give: string; begin: string; hand: string; language: string; now: string },
) {
  await page.goto(`${server.origin}/episodes/${episodeId}`);
  await page.getByRole('button', { name: words.give }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/^(Instrument|Instrumento)$/, { exact: true })
    .first()
    .click();
  await page.getByRole('option', { name: /^AHC HRSN/ }).click();
  await dialog.getByRole('button', { name: words.begin }).click();
  await page.getByRole('heading', { level: 1, name: /^AHC HRSN/ }).waitFor();
  await page.getByRole('button', { name: words.hand }).click();
  await page.getByRole('dialog').getByRole('radio', { name: words.language }).check();
  await page.getByRole('dialog').getByRole('button', { name: words.now }).click();
}

/** The patient's screen shows one question at a time: answer it, then go on. */
async function answerRadio(page: Page, answer: RegExp | string, next: string) {
  await page.getByRole('radio', { name: answer }).check();
  await page.getByRole('button', { name: next, exact: true }).click();
}

const shots = process.env.BRIDGEWAY_SCREENSHOTS;

test(
  'the AHC screen on the tablet: the patient answers, staff unlock with their password, complete it and act on the proposed needs',
  { timeout: 180_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US', hasTouch: true });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, 'hand the tablet to the patient', async () => {
      await signIn(page, people.en, 'Sign in', 'Today');
      await handOverAhc(page, episodes.en.episode, {
        give: 'Give a screen…',
        begin: 'Begin',
        hand: 'Hand to the patient',
        language: 'English',
        now: 'Hand over now',
      });
      await page.getByRole('heading', { level: 1, name: 'A few questions for you' }).waitFor();
      await page.getByText('Question 1 of 10').first().waitFor();
      // Nothing of the record: no navigation, no search, no name.
      assert.equal(await page.getByRole('navigation').count(), 0);
      assert.equal(await page.getByText('Marisol').count(), 0);
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the patient screen');
      if (shots) await page.screenshot({ path: path.join(shots, 'patient-mode-en.png'), fullPage: true });
    });
    await step(page, 'the patient answers, one question at a time', async () => {
      await answerRadio(page, /^I do not have housing/, 'Next');
      await page.getByRole('checkbox', { name: 'None of the above' }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await answerRadio(page, 'Often true', 'Next');
      await answerRadio(page, 'Never true', 'Next');
      await page.getByRole('checkbox', { name: 'No', exact: true }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await answerRadio(page, 'No', 'Next');
      for (let item = 7; item <= 9; item += 1) await answerRadio(page, 'Never', 'Next');
      await page.getByRole('radio', { name: 'Never' }).check();
      await page.getByText('Saved', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'I am done' }).click();
      await page.getByText('Your answers are saved. Please give the tablet back to staff.').waitFor();
    });
    await step(page, 'the record stays out of reach: an address typed in comes back to the patient screen', async () => {
      await page.goto(`${server.origin}/patients/${episodes.en.patient}`);
      await page.getByRole('heading', { level: 1, name: 'A few questions for you' }).waitFor();
      assert.equal(await page.getByText('Marisol').count(), 0);
    });
    await step(page, 'a wrong password stays locked; the right one gives the tablet back', async () => {
      await page.getByRole('button', { name: 'Staff: unlock' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Your password').fill('not my password');
      await dialog.getByRole('button', { name: 'Unlock' }).click();
      await dialog.getByText('This is not your current password.').waitFor();
      await dialog.getByLabel('Your password').fill(people.en.password);
      await dialog.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { level: 1, name: /^AHC HRSN/ }).waitFor();
      // What the patient answered is on the staff screen, and the screen says how it was given.
      await page.getByText('On a tablet, by the patient').waitFor();
      assert.equal(await page.getByRole('radio', { name: /^I do not have housing/ }).isChecked(), true);
      await page.getByRole('button', { name: 'Complete and score' }).click();
      await page.getByRole('status').filter({ hasText: 'Result' }).waitFor();
    });
    await step(page, 'the episode shows the proposed needs: confirm housing, dismiss food with a reason', async () => {
      await page.getByRole('link', { name: 'Back to the episode' }).click();
      await page.getByRole('heading', { level: 2, name: 'Needs' }).waitFor();
      await page.getByRole('heading', { level: 3, name: /Proposed by screens/ }).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the episode with proposals');
      if (shots) await page.screenshot({ path: path.join(shots, 'needs-proposals-en.png'), fullPage: true });
      await page.getByRole('button', { name: 'Confirm the Housing need' }).click();
      await page.getByRole('button', { name: 'Confirm the Housing need' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Dismiss the Food need' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Dismiss the Food need' }).click();
      await dialog.getByText('Say why.').waitFor();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Already receives SNAP and goes to the church pantry weekly');
      await dialog.getByRole('button', { name: 'Dismiss the Food need' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 3, name: /Proposed by screens/ }).waitFor({ state: 'detached' });
      const needs = page.getByRole('region', { name: 'Needs' });
      await needs.getByRole('row', { name: /Housing.*Urgent.*Identified/ }).waitFor();
      await needs.getByText('Dismissed: Already receives SNAP and goes to the church pantry weekly').waitFor();
      // Work on it: the status moves, with a note, and the history keeps each step.
      await needs.getByRole('button', { name: 'Update the Housing need' }).click();
      const update = page.getByRole('dialog');
      await update
        .getByLabel(/^Status/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Being addressed' }).click();
      await update.getByRole('textbox', { name: 'Note (optional)' }).fill('Referred to the county shelter; bed held until Friday');
      await update.getByRole('button', { name: 'Save' }).click();
      await update.waitFor({ state: 'detached' });
      await needs.getByRole('row', { name: /Housing.*Urgent.*Being addressed/ }).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the episode needs');
      if (shots) await page.screenshot({ path: path.join(shots, 'needs-episode-en.png'), fullPage: true });
    });
    await step(page, 'the overview sums up the needs; strengths are added there', async () => {
      await page.goto(`${server.origin}/patients/${episodes.en.patient}`);
      const summary = page.getByRole('region', { name: 'Needs in open episodes' });
      await summary.getByText('Housing').waitFor();
      await page.getByRole('button', { name: 'Add a strength' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel(/^Life domain/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Employment' }).click();
      await dialog.getByLabel(/^Strength/).fill('I can fix any engine');
      await dialog.getByRole('checkbox', { name: 'In the patient’s own words' }).check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('region', { name: 'Strengths' }).getByText('“I can fix any engine”').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the overview with needs and strengths');
      if (shots) await page.screenshot({ path: path.join(shots, 'needs-overview-en.png'), fullPage: true });
    });
    assert.deepEqual(breakage, []);
    await context.close();
  },
);

test('in Spanish: the patient screen, the needs and the strengths', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'es-US', hasTouch: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the patient screen in Spanish, with the note that the questions are in English', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await handOverAhc(page, episodes.es.episode, {
      give: 'Aplicar una prueba…',
      begin: 'Comenzar',
      hand: 'Entregar al paciente',
      language: 'Español',
      now: 'Entregar ahora',
    });
    await page.getByRole('heading', { level: 1, name: 'Algunas preguntas para usted' }).waitFor();
    await page.getByText(/su traducción publicada al español aún no se ha cargado/).waitFor();
    await page.getByText('Pregunta 1 de 10').first().waitFor();
    await answerRadio(page, /^I have housing today, but I am worried/, 'Siguiente');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish patient screen');
    if (shots) await page.screenshot({ path: path.join(shots, 'patient-mode-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Personal: desbloquear' }).click();
    await page.getByRole('dialog').getByLabel('Su contraseña').fill(people.es.password);
    await page.getByRole('dialog').getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('heading', { level: 1, name: /^AHC HRSN/ }).waitFor();
  });
  await step(page, 'the needs and strengths in Spanish', async () => {
    await page.goto(`${server.origin}/episodes/${episodes.es.episode}`);
    await page.getByRole('heading', { level: 2, name: 'Necesidades' }).waitFor();
    await page.getByRole('button', { name: 'Registrar una necesidad' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel(/^Área de vida/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Transporte' }).click();
    await dialog.getByRole('button', { name: 'Registrar una necesidad' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Necesidades' })
      .getByRole('row', { name: /Transporte.*Pronto.*Identificada/ })
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish episode needs');
    if (shots) await page.screenshot({ path: path.join(shots, 'needs-episode-es.png'), fullPage: true });
    await page.goto(`${server.origin}/patients/${episodes.es.patient}`);
    await page.getByRole('region', { name: 'Fortalezas' }).getByText('Todavía no hay fortalezas registradas.').waitFor();
    await page.getByRole('region', { name: 'Necesidades en episodios abiertos' }).getByText('Transporte').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish overview');
    if (shots) await page.screenshot({ path: path.join(shots, 'needs-overview-es.png'), fullPage: true });
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
