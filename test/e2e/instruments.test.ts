/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * The instrument catalogue and its scoring preview (issue 10, first part): a case manager
 * scores a PHQ-9 with question 9 above 0 and sees the critical alert; the ASQ's question 5
 * appears only once a question 1–4 is answered yes; the same screens in Spanish on a phone.
 */
const { server, browser, call, signIn } = await e2eHarness();

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};

let rosaEpisode = '';

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  // Rosa has a patient with an open episode to screen.
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
  const patient = { legalFirstName: 'Marisol', legalLastName: 'Vega', dateOfBirth: '1979-11-02' };
  rosaEpisode = (await patientOnCaseload(call, people.en, patient, { programId: org.programId, openedOn: today })).episodeId;
});

/** Chooses one answer of a question, by the question's number and the answer's label. */
async function choose(page: Page, question: RegExp, answer: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
}

const shots = process.env.BRIDGEWAY_SCREENSHOTS;

test('a PHQ-9 with question 9 above 0 raises the alert; the ASQ asks question 5 only after a yes', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the catalogue', async () => {
    await signIn(page, people.en, 'Sign in', 'Today');
    await page.getByRole('link', { name: 'Screening instruments' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Screening instruments' }).waitFor();
    await page.getByRole('link', { name: 'Try PHQ-9' }).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Instruments' }).getByRole('listitem').count(), 10);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the catalogue');
    if (shots) await page.screenshot({ path: path.join(shots, 'instruments-en.png'), fullPage: true });
  });
  await step(page, 'PHQ-9 with question 9 at "several days"', async () => {
    await page.getByRole('link', { name: 'Try PHQ-9' }).click();
    await page.getByRole('heading', { level: 1, name: /^PHQ-9/ }).waitFor();
    for (let item = 1; item <= 8; item += 1)
      await choose(page, new RegExp(`^${item}\\. `), item <= 3 ? 'More than half the days' : 'Not at all');
    await choose(page, /^9\. /, 'Several days');
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    const result = page.getByRole('status').filter({ hasText: 'Result' });
    await result.getByText('Total: 7').waitFor();
    await result.getByText('Mild depression').waitFor();
    await result.getByText('Negative screen').waitFor();
    await result.getByText(/same-day safety follow-up/).waitFor();
    await result.getByText('Needs action today').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the scored PHQ-9');
    if (shots) await page.screenshot({ path: path.join(shots, 'phq9-critical-en.png'), fullPage: true });
  });
  await step(page, 'ASQ, offered by the PHQ-9 alert: question 5 appears after a yes; an acute answer shows the crisis steps', async () => {
    await page.getByRole('link', { name: 'Ask the ASQ now' }).click();
    await page.getByRole('heading', { level: 1, name: /^ASQ/ }).waitFor();
    await page.getByText('5. Not asked with these answers.').waitFor();
    await choose(page, /^1\. /, 'No');
    await choose(page, /^2\. /, 'Yes');
    await choose(page, /^3\. /, 'No');
    await choose(page, /^4\. /, 'No');
    await choose(page, /^5\. /, 'Yes');
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    const result = page.getByRole('status').filter({ hasText: 'Result' });
    await result.getByText(/Acute positive screen: imminent risk/).waitFor();
    await result.getByText(/call 988/).waitFor();
    // Answering no to question 2 again takes question 5 away; scoring now is negative.
    await choose(page, /^2\. /, 'No');
    await page.getByText('5. Not asked with these answers.').waitFor();
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Result' }).getByText('Negative screen.').waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('in Spanish on a phone: labels, results and the note that the questions are in English', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-US', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'AHC screen in Spanish', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/instruments/gad-7`);
    await page.getByRole('heading', { level: 1, name: /^GAD-7/ }).waitFor();
    await page.getByText(/Las preguntas se muestran en inglés/).waitFor();
    for (let item = 1; item <= 7; item += 1) await choose(page, new RegExp(`^${item}\\. `), 'Nearly every day');
    await page.getByRole('button', { name: 'Calificar', exact: true }).click();
    const result = page.getByRole('status').filter({ hasText: 'Resultado' });
    await result.getByText('Total: 21').waitFor();
    await result.getByText('Ansiedad grave').waitFor();
    await result.getByText('Resultado positivo').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish phone page');
    if (shots) await page.screenshot({ path: path.join(shots, 'gad7-es-phone.png'), fullPage: true });
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test(
  'a case manager gives a PHQ-9 in an episode: answers save as they go, completing scores it, a correction supersedes it',
  { timeout: 120_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, 'start from the episode', async () => {
      await signIn(page, people.en, 'Sign in', 'Today');
      await page.goto(`${server.origin}/episodes/${rosaEpisode}`);
      await page.getByRole('heading', { level: 2, name: 'Screens and assessments' }).waitFor();
      await page.getByText('No screens in this episode yet.').waitFor();
      await page.getByRole('button', { name: 'Give a screen…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Instrument', { exact: true }).first().click();
      await page.getByRole('option', { name: /^PHQ-9/ }).click();
      await dialog.getByRole('button', { name: 'Begin' }).click();
      await page.getByRole('heading', { level: 1, name: /^PHQ-9/ }).waitFor();
    });
    await step(page, 'answer half, leave, come back: the answers are there', async () => {
      for (let item = 1; item <= 4; item += 1) await choose(page, new RegExp(`^${item}\\. `), 'Nearly every day');
      // Every answer reached the server before leaving (they are sent one after another).
      const id = page.url().split('/assessments/')[1] ?? '';
      let saved = 0;
      for (let tries = 0; tries < 50 && saved < 4; tries += 1) {
        saved = await page.evaluate(async (assessmentId) => {
          const response = await fetch(`/api/assessments/${assessmentId}`);
          return Object.keys(((await response.json()) as { answers: object }).answers).length;
        }, id);
        if (saved < 4) await page.waitForTimeout(100);
      }
      assert.equal(saved, 4, 'four answers saved');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^PHQ-9/ }).waitFor();
      assert.equal(
        await page.getByRole('radiogroup', { name: /^4\. / }).getByRole('radio', { name: 'Nearly every day', exact: true }).isChecked(),
        true,
      );
    });
    await step(page, 'complete with question 9 positive: the alert, and the crisis steps recorded', async () => {
      for (let item = 5; item <= 8; item += 1) await choose(page, new RegExp(`^${item}\\. `), 'Not at all');
      await choose(page, /^9\. /, 'Several days');
      await page.getByRole('button', { name: 'Complete and score' }).click();
      const result = page.getByRole('status').filter({ hasText: 'Result' });
      await result.getByText('Total: 13').waitFor();
      await result.getByText('Needs action today').waitFor();
      await page.getByText('Completed', { exact: true }).first().waitFor();
      assert.equal(await page.getByRole('radio').count(), 0, 'a completed screen is read, not filled in');
      await page.getByText('9. Thoughts that you would be better off dead').locator('xpath=..').getByText('Several days').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on a completed screen');
      if (shots) await page.screenshot({ path: path.join(shots, 'assessment-completed-en.png'), fullPage: true });
    });
    await step(page, 'correct it with a reason: a new screen from the same answers', async () => {
      await page.getByRole('button', { name: 'Correct…' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Reason' }).fill('Question 4 was marked in the wrong column');
      await page.getByRole('dialog').getByRole('button', { name: 'Correct…' }).click();
      await page.getByText('This corrects').waitFor();
      await page.getByText('In progress', { exact: true }).first().waitFor();
      await page.getByRole('link', { name: 'Back to the episode' }).click();
      const table = page.getByRole('table');
      await table.getByText('Corrected').waitFor();
      await table.getByText('In progress').waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'episode-assessments-en.png'), fullPage: true });
    });
    assert.deepEqual(breakage, []);
    await context.close();
  },
);
