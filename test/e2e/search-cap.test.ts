/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import pg from 'pg';
import { SEARCH_MATCH_CAP } from '../../src/modules/patients/queries.ts';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, step, e2eHarness } from '../support/e2e.ts';

/**
 * A search that matches more people than search ranks (SEARCH_MATCH_CAP) says so and asks for
 * more, in English and in Spanish, instead of showing its list as if it were complete; a
 * narrower search shows the usual count. Each case manager registered the matching people
 * (a registration without an episode is seen by whoever made it).
 */
const { database, server, browser, call, signIn } = await e2eHarness();

const people = {
  english: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  spanish: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};
const shots = process.env.BRIDGEWAY_SCREENSHOTS;

before(async () => {
  await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  // More people named Marlow… than search ranks, registered by each case manager: written
  // straight to the database, as registering them one by one through the API would take minutes.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO patients (id, organization_id, legal_first_name, legal_last_name, date_of_birth, created_by)
       SELECT gen_random_uuid(), u.organization_id, (ARRAY['Ana', 'José', 'Omar', 'Ruth'])[1 + g % 4],
              (ARRAY['Marlow', 'Marlowe', 'Marley'])[1 + g % 3], DATE '1960-01-01' + g * 37, u.id
         FROM users u, generate_series(1, $2::int) g
        WHERE u.email = ANY ($1::text[])`,
      [Object.values(people).map((person) => person.email), SEARCH_MATCH_CAP + 20],
    );
  } finally {
    await client.end();
  }
});

const search = (text: string) => `${server.origin}/patients?by=name&text=${encodeURIComponent(text)}`;

test(
  'a search past the cap asks for more letters, a first name or a birth date; a narrower one lists all',
  { timeout: 180_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, 'too many matches, in English', async () => {
      await signIn(page, people.english, 'Sign in', 'Today');
      await page.goto(search('marl'));
      const notice = page.getByRole('status').filter({
        hasText: `More than ${SEARCH_MATCH_CAP} people match: add letters of the last name, a first name or a birth date.`,
      });
      await notice.waitFor();
      // The best of those found are still listed, to open if the person is among them.
      assert.equal(await page.getByRole('table', { name: 'Patients found' }).getByRole('row').count(), 51);
      assert.equal(await page.getByText(/^Patients found: /).count(), 0, 'no count that pretends to be complete');
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on too many matches');
      if (shots) await page.screenshot({ path: path.join(shots, 'patients-too-many-en.png'), fullPage: true });
    });
    await step(page, 'a narrower search, in English', async () => {
      await page.goto(search('marlowe omar'));
      await page.getByText(/^Patients found: \d+\./).waitFor();
      assert.equal(await page.getByText(/^More than/).count(), 0);
    });
    assert.deepEqual(breakage, []);
    await context.close();

    const spanishContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-US' });
    const spanish = await spanishContext.newPage();
    const spanishBreakage = watchForBreakage(spanish);
    await step(spanish, 'too many matches, in Spanish', async () => {
      await signIn(spanish, people.spanish, 'Iniciar sesión', 'Hoy');
      await spanish.goto(search('marl'));
      await spanish
        .getByRole('status')
        .filter({
          hasText: `Más de ${SEARCH_MATCH_CAP} personas coinciden: agregue letras del apellido, un nombre o la fecha de nacimiento.`,
        })
        .waitFor();
      assert.deepEqual(await seriousA11yViolations(spanish), [], 'axe on too many matches, in Spanish');
      if (shots) await spanish.screenshot({ path: path.join(shots, 'patients-too-many-es.png'), fullPage: true });
    });
    assert.deepEqual(spanishBreakage, []);
    await spanishContext.close();
  },
);

test('the merge dialog’s search says so too, in English and in Spanish', { timeout: 180_000 }, async () => {
  for (const [person, locale] of [
    [people.english, 'en-US'],
    [people.spanish, 'es-US'],
  ] as const) {
    const english = locale === 'en-US';
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    await step(page, `too many matches in the merge dialog, ${locale}`, async () => {
      await signIn(page, person, english ? 'Sign in' : 'Iniciar sesión', english ? 'Today' : 'Hoy');
      // One of the Marlows this case manager registered: the record to keep.
      const kept = await page.evaluate(async () => {
        const answer = (await (await fetch('/api/patients?q=marlowe%20omar&limit=1')).json()) as { items: { id: string }[] };
        return answer.items[0]?.id ?? '';
      });
      assert.notEqual(kept, '');
      await page.goto(`${server.origin}/patients/${kept}`);
      const open = english ? 'Merge a duplicate record into this one' : 'Combinar un expediente duplicado con este';
      await page.getByRole('button', { name: open }).click();
      const dialog = page.getByRole('dialog', { name: open });
      await dialog.getByLabel(english ? /^Name of the other record/ : /^Nombre del otro expediente/).fill('marl');
      await dialog.getByRole('button', { name: english ? 'Search' : 'Buscar', exact: true }).click();
      // The dialog cannot take a birth date: it asks only for what it can search by.
      await dialog
        .getByRole('status')
        .filter({
          hasText: english
            ? `More than ${SEARCH_MATCH_CAP} people match: add letters of the last name or a first name.`
            : `Más de ${SEARCH_MATCH_CAP} personas coinciden: agregue letras del apellido o un nombre.`,
        })
        .waitFor();
      // The closest are still offered, to choose if the duplicate is among them.
      assert.ok((await dialog.getByRole('radio').count()) > 0);
      assert.deepEqual(await seriousA11yViolations(page), [], `axe on the merge dialog past the cap, ${locale}`);
      if (shots) await page.screenshot({ path: path.join(shots, `merge-too-many-${english ? 'en' : 'es'}.png`), fullPage: true });
      // A narrower search: no notice.
      await dialog.getByLabel(english ? /^Name of the other record/ : /^Nombre del otro expediente/).fill('marlowe ana');
      await dialog.getByRole('button', { name: english ? 'Search' : 'Buscar', exact: true }).click();
      await dialog.getByRole('radio').first().waitFor();
      assert.equal(await dialog.getByText(english ? /^More than/ : /^Más de/).count(), 0);
    });
    assert.deepEqual(breakage, []);
    await context.close();
  }
});
