/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { seriousA11yViolations } from '../support/browser.ts';
import { e2eHarness, orgWithStaff, step } from '../support/e2e.ts';

/**
 * A fault in a page's own code (here: My caseload meeting an answer it cannot read) shows a
 * notice in the page's place, under the frame, instead of a blank window
 * (components/FaultBoundary.tsx); the menu still leads elsewhere, and the notice goes with the
 * address.
 */
const { server, call, signedInContext } = await e2eHarness();

const people = {
  'en-US': { name: 'Rosa Delgado', email: 'rosa@faults.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  'es-US': { name: 'Marisol Vega', email: 'marisol@faults.invalid', password: 'marisol elige una frase', locale: 'es' },
} as const;

before(async () => {
  await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
});

const words = {
  'en-US': { title: 'Something went wrong on this page', caseload: 'My caseload', patients: 'Patients', reload: 'Reload the page' },
  'es-US': { title: 'Algo salió mal en esta página', caseload: 'Mis casos', patients: 'Pacientes', reload: 'Volver a cargar la página' },
} as const;

for (const locale of ['en-US', 'es-US'] as const) {
  test(`a page whose code fails says so under the frame, which still works (${locale})`, { timeout: 60_000 }, async () => {
    const person = people[locale];
    const said = words[locale];
    const { context, page } = await signedInContext(person, { viewport: { width: 390, height: 800 }, locale });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // An answer My caseload's rows cannot be drawn from: one episode with nothing in it.
    await page.route(/\/api\/caseload(\?|$)/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [{}], nextCursor: null }) }),
    );

    await step(page, 'the notice in the page’s place', async () => {
      await page.goto(`${server.origin}/caseload`);
      const notice = page.getByRole('alert').filter({ hasText: said.title });
      await notice.waitFor();
      await notice.getByRole('button', { name: said.reload }).waitFor();
      await page
        .getByRole('button', { name: /menu|menú/ })
        .first()
        .waitFor();
      assert.deepEqual(await seriousA11yViolations(page), []);
      // React reports what it caught in the console; nothing escapes as an uncaught error.
      assert.deepEqual(pageErrors, []);
      await page.screenshot({ path: path.join(process.env.BRIDGEWAY_SCREENSHOTS ?? os.tmpdir(), `fault-${locale}.png`) });
    });

    await step(page, 'the menu leads to another page, and the notice is gone', async () => {
      await page.unroute(/\/api\/caseload(\?|$)/);
      await page
        .getByRole('button', { name: /menu|menú/ })
        .first()
        .click();
      await page.getByRole('navigation').getByRole('link', { name: said.patients, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: said.patients }).waitFor();
      assert.equal(await page.getByText(said.title).count(), 0);
    });

    await step(page, 'back on My caseload, Reload brings the page afresh', async () => {
      // Back at the address, the answer kept from before fails the page again; reloading asks anew.
      await page.goBack();
      const notice = page.getByRole('alert').filter({ hasText: said.title });
      await notice.waitFor();
      await notice.getByRole('button', { name: said.reload }).click();
      await page.getByRole('heading', { level: 1, name: said.caseload }).waitFor();
      assert.equal(await page.getByText(said.title).count(), 0);
    });
    await context.close();
  });
}
