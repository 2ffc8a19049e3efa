/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, step, e2eHarness } from '../support/e2e.ts';
import { endSessionOnNextWrite } from '../support/drafts.ts';

/**
 * Reassessment and ASAM (issue 10, items 7 and 8): after two PHQ-9s the patient's chart shows
 * the trend over the shaded severity bands; the episode shows an overdue reassessment from the
 * program's schedule; a case manager records an ASAM review whose chosen level differs from the
 * one indicated, with the reason. The same screens in Spanish on a phone.
 */
const { server, browser, call, signIn } = await e2eHarness();

type Headers = Record<string, string>;

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};
const charts: Record<'en' | 'es', { patient: string; episode: string }> = {
  en: { patient: '', episode: '' },
  es: { patient: '', episode: '' },
};

/** A PHQ-9 given and completed through the API, each answer the same score. */
async function phq9(episodeId: string, headers: Headers, scores: number[]) {
  const started = await call('POST', `/api/episodes/${episodeId}/assessments`, { instrumentKey: 'phq-9', mode: 'in-person' }, headers);
  const answers = Object.fromEntries(scores.map((score, index) => [String(index + 1), score]));
  const answered = await call('PATCH', `/api/assessments/${String(started.body.id)}`, { version: started.body.version, answers }, headers);
  const done = await call('POST', `/api/assessments/${String(started.body.id)}/completion`, { version: answered.body.version }, headers);
  assert.equal(done.status, 200, JSON.stringify(done.body));
}

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  const { admin: headers, programId } = org;
  // The program asks for a GAD-7 at intake (two days' grace) and a PHQ-9 every 14 days in intake.
  const schedule = await call(
    'PUT',
    `/api/programs/${programId}/reassessment-schedule`,
    {
      version: 0,
      rules: [
        { instrumentKey: 'gad-7', when: 'intake', graceDays: 2 },
        { instrumentKey: 'phq-9', when: 'every', phase: 'intake', everyDays: 14 },
      ],
    },
    headers,
  );
  assert.equal(schedule.status, 200, JSON.stringify(schedule.body));

  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
  for (const [key, person] of Object.entries(people) as ['en' | 'es', (typeof people)['en']][]) {
    const session = await call('POST', '/api/session', { email: person.email, password: person.password });
    const own = { cookie: session.cookie, 'x-csrf-token': String(session.body.csrfToken) };
    const me = (session.body.user as { id: string }).id;
    const who =
      key === 'en'
        ? { legalFirstName: 'Marisol', legalLastName: 'Vega', dateOfBirth: '1979-11-02' }
        : { legalFirstName: 'Teodoro', legalLastName: 'Ibarra', dateOfBirth: '1964-03-18' };
    const patient = await call('POST', '/api/patients', who, own);
    assert.equal(patient.status, 201, JSON.stringify(patient.body));
    const episode = await call(
      'POST',
      `/api/patients/${String(patient.body.id)}/episodes`,
      { programId, referralSource: 'self', openedOn: tenDaysAgo, phase: 'intake', primaryCaseManagerId: me },
      own,
    );
    assert.equal(episode.status, 201, JSON.stringify(episode.body));
    charts[key] = { patient: String(patient.body.id), episode: String(episode.body.id) };
    // Two PHQ-9s: moderately severe (18), then mild (9).
    await phq9(charts[key].episode, own, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await phq9(charts[key].episode, own, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  }
});

/** The PHQ-9 chart: its line and its five shaded bands are drawn. */
async function seeTrend(page: Page, label: RegExp, points: RegExp) {
  // The charts are drawn when their section is scrolled to.
  await page.locator('#trends-heading').scrollIntoViewIfNeeded();
  const figure = page.getByRole('figure', { name: label });
  await figure.waitFor();
  await figure.locator('.recharts-line-curve').waitFor();
  await figure.locator('.recharts-reference-area').nth(4).waitFor();
  assert.equal(await figure.locator('.recharts-reference-area').count(), 5, 'one shaded area per PHQ-9 band');
  assert.equal(await figure.locator('.recharts-line-dots circle').count(), 2, 'two administrations');
  await figure.getByText(points).waitFor();
}

const shots = process.env.BRIDGEWAY_SCREENSHOTS;

test(
  'the PHQ-9 trend over its bands, an overdue reassessment, and an ASAM review with a differing level',
  { timeout: 150_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, 'the patient’s chart shows the PHQ-9 trend', async () => {
      await signIn(page, people.en, 'Sign in', 'Today');
      await page.goto(`${server.origin}/patients/${charts.en.patient}`);
      await page.getByRole('heading', { level: 2, name: 'Scores over time' }).waitFor();
      await seeTrend(page, /^PHQ-9 total score over time/, /18 \(Moderately severe depression\).*9 \(Mild depression\)/);
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the patient with the chart');
      if (shots) await page.screenshot({ path: path.join(shots, 'score-trend-en.png'), fullPage: true });
    });
    await step(page, 'the episode shows the GAD-7 overdue', async () => {
      await page.goto(`${server.origin}/episodes/${charts.en.episode}`);
      const due = page.getByRole('region', { name: 'Reassessments due' });
      await due.waitFor();
      const gad = due.getByRole('row').filter({ hasText: 'GAD-7' });
      await gad.getByText('Overdue').waitFor();
      await gad.getByText('At intake').waitFor();
      const phq = due.getByRole('row').filter({ hasText: 'PHQ-9' });
      await phq.getByText('Not yet due').waitFor();
      await phq.getByText('Every 14 days in Intake').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the episode');
      // The schedule behind it: a case manager reads it, and is told who changes it.
      await due.getByRole('link', { name: 'The program’s schedule' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reassessment schedule' }).waitFor();
      await page.getByText(/supervise the program change the schedule/).waitFor();
      await page.getByRole('group', { name: 'Rule 2' }).getByLabel('Every (days)').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Save the schedule' }).count(), 0);
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the schedule');
      if (shots) await page.screenshot({ path: path.join(shots, 'schedule-en.png'), fullPage: true });
      await page.goBack();
      await due.waitFor();
    });
    await step(page, 'an ASAM review: six ratings, the chosen level differs from the indicated one, with the reason', async () => {
      await page.getByRole('button', { name: 'Start an ASAM review' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Begin' }).click();
      await page.getByRole('heading', { level: 1, name: 'ASAM review' }).waitFor();
      const ratings = [1, 0, 2, 2, 3, 3];
      for (const [index, rating] of ratings.entries()) {
        await page
          .getByRole('radiogroup', { name: new RegExp(`^Dimension ${index + 1}:`) })
          .getByText(String(rating), { exact: true })
          .click();
      }
      await page.getByRole('textbox', { name: /^Notes: Dimension 6/ }).fill('Shares an apartment with a partner who drinks daily');
      const pick = async (label: string, option: RegExp) => {
        await page.getByLabel(label, { exact: true }).first().click();
        await page.getByRole('option', { name: option }).click();
        await page.getByRole('listbox').waitFor({ state: 'detached' });
      };
      await pick('Level indicated by the review', /^ASAM 3rd ed\. 3\.5 /);
      await pick('Level available', /^ASAM 3rd ed\. 2\.5 /);
      await pick('Level chosen', /^ASAM 3rd ed\. 2\.5 /);
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the ASAM review');
      // Completing without the reason is refused, naming it.
      await page.getByRole('button', { name: 'Complete the review' }).click();
      await page
        .getByRole('alert')
        .getByText(/not complete/)
        .waitFor();
      await page
        .getByRole('textbox', { name: /^Why the levels differ/ })
        .fill('No residential bed for three weeks; partial hospitalization meanwhile');
      await page.getByRole('button', { name: 'Complete the review' }).click();
      await page.getByText(/A completed review does not change/).waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'asam-review-en.png'), fullPage: true });
      await page.getByRole('link', { name: 'Back to the episode' }).click();
      const asam = page.getByRole('region', { name: 'ASAM reviews' });
      await asam.getByText('Differs from indicated').waitFor();
      await asam.getByText(/Level chosen: ASAM 3rd ed\. 2\.5 Partial hospitalization/).waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'episode-asam-due-en.png'), fullPage: true });
    });
    await step(page, 'the level of care follows the review: choosing it fills in the level chosen', async () => {
      await page.getByRole('button', { name: 'Add a level of care' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Follows the ASAM review', { exact: true }).first().click();
      await page.getByRole('option', { name: /ASAM 3rd ed\. 2\.5 Partial hospitalization/ }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      assert.equal(await dialog.getByLabel('Level of care', { exact: true }).first().inputValue(), '2.5 Partial hospitalization');
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the placement dialog');
      await dialog.getByRole('button', { name: 'Add level of care' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('ASAM 3rd ed. 2.5 Partial hospitalization').first().waitFor();
      const placements = await page.evaluate(async (id) => {
        const response = await fetch(`/api/episodes/${id}`);
        return ((await response.json()) as { placements: { asamReviewId: string | null }[] }).placements;
      }, charts.en.episode);
      assert.equal(placements.length, 1);
      assert.ok(placements[0]?.asamReviewId, 'the placement cites the review');
    });
    await step(page, 'the overdue GAD-7 is given from the list of what is due', async () => {
      await page.getByRole('region', { name: 'Reassessments due' }).getByRole('button', { name: 'Give now: GAD-7' }).click();
      await page.getByRole('heading', { level: 1, name: /^GAD-7/ }).waitFor();
    });
    assert.deepEqual(breakage, []);
    await context.close();
  },
);

test('in Spanish on a phone: the trend, what is due and the ASAM review', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-US', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the chart in Spanish', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/patients/${charts.es.patient}`);
    await page.getByRole('heading', { level: 2, name: 'Puntuaciones a lo largo del tiempo' }).waitFor();
    await seeTrend(page, /^Puntuación total de PHQ-9/, /18 \(Depresión moderadamente grave\).*9 \(Depresión leve\)/);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish chart');
    if (shots) await page.screenshot({ path: path.join(shots, 'score-trend-es-phone.png'), fullPage: true });
  });
  await step(page, 'the episode in Spanish', async () => {
    await page.goto(`${server.origin}/episodes/${charts.es.episode}`);
    const due = page.getByRole('region', { name: 'Reevaluaciones pendientes' });
    await due.getByRole('row').filter({ hasText: 'GAD-7' }).getByText('Atrasada').waitFor();
    await page.getByRole('button', { name: 'Comenzar una revisión ASAM' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Comenzar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisión ASAM' }).waitFor();
    await page.getByRole('radiogroup', { name: /^Dimensión 6: Entorno de recuperación y de vida/ }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish ASAM review');
    if (shots) await page.screenshot({ path: path.join(shots, 'asam-review-es-phone.png'), fullPage: true });
  });
  await step(page, 'the session ends while rating: after signing in again the ratings and notes are back', async () => {
    const reviewUrl = page.url();
    await page
      .getByRole('radiogroup', { name: /^Dimensión 6:/ })
      .getByText('3', { exact: true })
      .click();
    const note = page.getByRole('textbox', { name: /^Notas: Dimensión 6/ });
    await note.fill('Vive con su hermano, que bebe a diario');
    // The session ends (idle timeout, or ended elsewhere) before the review is saved.
    await endSessionOnNextWrite(context, page);
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(people.es.email);
    await page.getByLabel('Contraseña').fill(people.es.password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisión ASAM' }).waitFor();
    assert.equal(page.url(), reviewUrl, 'back on the same review');
    await page.getByText('Lo que usted escribió está de vuelta').waitFor();
    assert.equal(await note.inputValue(), 'Vive con su hermano, que bebe a diario');
    assert.ok(
      await page
        .getByRole('radiogroup', { name: /^Dimensión 6:/ })
        .getByRole('radio', { name: '3', exact: true })
        .isChecked(),
      'the rating is back too',
    );
    assert.ok(!reviewUrl.includes('hermano') && !page.url().includes('hermano'), 'what was typed never went into a URL');
    if (shots) await page.screenshot({ path: path.join(shots, 'asam-draft-restored-es-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Guardado', { exact: true }).waitFor();
    await page.getByText('Lo que usted escribió está de vuelta').waitFor({ state: 'detached' });
    const id = reviewUrl.split('/asam-reviews/')[1] ?? '';
    const saved = await page.evaluate(async (reviewId) => {
      const response = await fetch(`/api/asam-reviews/${reviewId}`);
      return (await response.json()) as { dimensions: { dimension: number; rating: number | null; notes: string | null }[] };
    }, id);
    const sixth = saved.dimensions.find((d) => d.dimension === 6);
    assert.deepEqual([sixth?.rating, sixth?.notes], [3, 'Vive con su hermano, que bebe a diario']);
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
