/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eHarness, orgWithStaff, patientOnCaseload, step } from '../support/e2e.ts';

/**
 * A language's words come in two parts (web/scripts/firstMessageKeys.ts): those of the first
 * screens (home, My caseload, the patient page, the frame) before the first render, the rest
 * after. A screen that misses a word asks for the rest at once (i18n/I18nProvider.tsx), so:
 * the first screens must show without ever asking for it, and any other screen must still show
 * all its words, with nothing left blank.
 */
const { server, call, signedInContext } = await e2eHarness();

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@words.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@words.invalid', password: 'lucía elige una frase larga', locale: 'es' },
} as const;
const patients = { en: '', es: '' };
const names = { en: ['Tomás', 'Ibarra'], es: ['Marisol', 'Vega'] } as const;

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  const openedOn = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  for (const key of ['en', 'es'] as const) {
    const [legalFirstName, legalLastName] = names[key];
    const patient = { legalFirstName, legalLastName, dateOfBirth: '1979-11-02' };
    patients[key] = (await patientOnCaseload(call, people[key], patient, { programId: org.programId, openedOn })).patientId;
  }
});

async function signedIn(key: 'en' | 'es', width: number) {
  const { context, page } = await signedInContext(people[key], { viewport: { width, height: 800 }, locale: `${key}-US` });
  // Each time the rest of the words was asked for.
  const restAsked: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/(en|es)-rest-[^/]*\.js$/.test(request.url())) restAsked.push(request.url());
  });
  return { context, page, restAsked };
}

/** The words this document's screens asked for and the first part lacked (I18nProvider marks each). */
function missedWords(page: Page) {
  return page.evaluate(() => performance.getEntriesByName('bridgeway:missed-word').map((mark) => String((mark as PerformanceMark).detail)));
}

/** Text-bearing elements whose words are missing: empty headings, labels, buttons and cells. */
function blanks(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#root h1, #root h2, #root h3, #root th, #root label, #root button, #root a, #root dt'))
      .filter((element) => (element.textContent ?? '').trim() === '' && element.getAttribute('aria-label') === null)
      .filter((element) => element.querySelector('svg, img, input') === null)
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

for (const key of ['en', 'es'] as const) {
  for (const width of [1280, 390]) {
    test(`the first screens show every word without the rest of the language (${key}, ${width} px)`, { timeout: 60_000 }, async () => {
      const { context, page } = await signedIn(key, width);
      for (const [address, heading] of [
        ['/caseload', key === 'en' ? 'My caseload' : 'Mis casos'],
        [`/patients/${patients[key]}`, names[key].join(' ')],
        ['/', key === 'en' ? /^Hello/ : /^Hola/],
      ] as const) {
        await step(page, `${address} before the rest of the words`, async () => {
          await page.goto(`${server.origin}${address}`);
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await page.waitForLoadState('networkidle');
          assert.deepEqual(await missedWords(page), [], `${address} missed words of the first part`);
          assert.deepEqual(await blanks(page), []);
        });
      }
      await context.close();
    });
  }

  test(`a page beyond the first screens shows all its words (${key})`, { timeout: 60_000 }, async () => {
    const { context, page, restAsked } = await signedIn(key, 1280);
    await step(page, 'opened directly', async () => {
      await page.goto(`${server.origin}/account`);
      await page.getByRole('heading', { level: 1, name: key === 'en' ? 'My account' : 'Mi cuenta' }).waitFor();
      await page.getByRole('heading', { level: 2, name: key === 'en' ? 'Change password' : 'Cambiar contraseña' }).waitFor();
      assert.ok(restAsked.length > 0, 'the rest of the words were asked for');
      // The marks the first screens are checked by: this page's own words are not in the first part.
      assert.ok(
        (await missedWords(page)).some((word) => word.startsWith('account.')),
        'the missed words are marked',
      );
      assert.deepEqual(await blanks(page), []);
    });
    await step(page, 'opened from the menu after a first screen', async () => {
      await page.goto(`${server.origin}/caseload`);
      await page.getByRole('heading', { level: 1, name: key === 'en' ? 'My caseload' : 'Mis casos' }).waitFor();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: key === 'en' ? 'Patients' : 'Pacientes', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: key === 'en' ? 'Patients' : 'Pacientes' }).waitFor();
      assert.deepEqual(await blanks(page), []);
    });
    await context.close();
  });
}
