/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { e2eHarness, orgWithStaff, step } from '../support/e2e.ts';

/**
 * The frame of the signed-in pages (app/AppLayout.tsx, app/frame.css): a fixed header, the
 * navigation beside the page on a laptop and a drawer over it on a phone, which takes the focus
 * when opened, gives it back to its button on Escape, and cannot be reached while closed.
 */
const { server, call, signedInContext } = await e2eHarness();

const people = {
  'en-US': { name: 'Rosa Delgado', email: 'rosa@frame.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  'es-US': { name: 'Marisol Vega', email: 'marisol@frame.invalid', password: 'marisol elige una frase', locale: 'es' },
} as const;

before(async () => {
  await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
});

function signedIn(width: number, locale: keyof typeof people = 'en-US') {
  return signedInContext(people[locale], { viewport: { width, height: 800 }, locale });
}

/** Where an element is on the screen, in CSS pixels. */
function box(page: Page, selector: string) {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (element === null) throw new Error(`no ${css}`);
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
  }, selector);
}

/**
 * Waits for the drawer's slide to end: none of its transitions running (asking for the
 * animations first brings the page's style up to date, so a slide just begun is counted).
 */
const slid = (page: Page) =>
  page.waitForFunction(() =>
    (document.getElementById('main-navigation')?.getAnimations({ subtree: true }) ?? []).every(
      (animation) => animation.playState !== 'running',
    ),
  );

test('on a laptop the navigation sits beside the page, below a header that stays put', { timeout: 60_000 }, async () => {
  const { context, page } = await signedIn(1280);
  const breakage = watchForBreakage(page);
  await step(page, 'My caseload at 1280 px', async () => {
    await page.goto(`${server.origin}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    assert.deepEqual(await box(page, 'header'), { x: 0, y: 0, width: 1280, height: 60 });
    assert.deepEqual(await box(page, '#main-navigation'), { x: 0, y: 60, width: 250, height: 740 });
    // No menu button on a laptop, and the links can be followed.
    assert.equal(await page.getByRole('button', { name: 'Open menu' }).isVisible(), false);
    const heading = await box(page, 'h1');
    assert.ok(heading.x >= 250 + 32 && heading.y >= 60 + 32, `the page starts beside and below the frame: ${JSON.stringify(heading)}`);
    // A short window, so that the page scrolls under the header.
    await page.setViewportSize({ width: 1280, height: 300 });
    await page.evaluate(() => window.scrollTo(0, 200));
    assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'the page scrolled');
    assert.equal((await box(page, 'header')).y, 0);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByRole('navigation').getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

for (const [locale, open, close, caseload] of [
  ['en-US', 'Open menu', 'Close menu', 'My caseload'],
  ['es-US', 'Abrir menú', 'Cerrar menú', 'Mis casos'],
] as const) {
  test(`on a phone the navigation is a drawer that takes and gives back the focus (${locale})`, { timeout: 60_000 }, async () => {
    const { context, page } = await signedIn(390, locale);
    const breakage = watchForBreakage(page);
    await step(page, 'closed: out of sight and out of reach', async () => {
      await page.goto(`${server.origin}/patients`);
      await page.getByRole('button', { name: open }).waitFor();
      await slid(page);
      const drawer = await box(page, '#main-navigation');
      assert.ok(drawer.x + drawer.width <= 0, `the closed drawer is off the screen: ${JSON.stringify(drawer)}`);
      assert.equal(await page.locator('#main-navigation').evaluate((nav) => (nav as HTMLElement).inert), true);
      assert.equal((await box(page, 'h1')).x, 16);
    });
    await step(page, 'opened: over the page, focus on its first link', async () => {
      await page.getByRole('button', { name: open }).click();
      await slid(page);
      assert.deepEqual(await box(page, '#main-navigation'), { x: 0, y: 60, width: 390, height: 740 });
      assert.equal(await page.getByRole('button', { name: close }).getAttribute('aria-expanded'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('#main-navigation') !== null), true);
      assert.deepEqual(await seriousA11yViolations(page), []);
    });
    await step(page, 'Escape closes it and gives the focus back to its button', async () => {
      await page.keyboard.press('Escape');
      await slid(page);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), open);
      assert.equal(await page.locator('#main-navigation').evaluate((nav) => (nav as HTMLElement).inert), true);
    });
    await step(page, 'following a link closes it', async () => {
      await page.getByRole('button', { name: open }).click();
      await page.getByRole('navigation').getByRole('link', { name: caseload }).click();
      await page.getByRole('heading', { level: 1, name: caseload }).waitFor();
      await slid(page);
      assert.ok((await box(page, '#main-navigation')).x < 0);
      assert.equal(await page.getByRole('button', { name: open }).getAttribute('aria-expanded'), 'false');
    });
    assert.deepEqual(breakage, []);
    await context.close();
  });
}
