/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { e2eHarness, orgWithStaff, step } from '../support/e2e.ts';

/**
 * What a signed-in page's first screen does not wait for (issue 12): the menus' code (the UI
 * kit's menu, its popover and positioning) arrives after it, and a menu pressed before that
 * opens once its code is there, as a menu opened later does; and with a session, nobody asks
 * whether the organization still has to be set up. The menus' files are held back here (a slow
 * phone) until the test lets them through.
 */
const { server, browser, call, signedInContext } = await e2eHarness();

const person = { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase' };

before(async () => {
  await orgWithStaff(call, { people: [{ ...person, roles: ['case-manager'] }] });
});

/** A signed-in page whose menu code waits until `letThrough()`, with every API path it asked for. */
async function signedInPage(width: number) {
  const { context, page } = await signedInContext(person, { viewport: { width, height: 823 }, locale: 'en-US' });
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
  });
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let menuCodeAsked = false;
  await page.route(/\/assets\/[^/]*menuKit[^/]*\.js$/, async (route) => {
    menuCodeAsked = true;
    await gate;
    await route.continue();
  });
  return { context, page, asked, menuCodeAsked: () => menuCodeAsked, letThrough: () => open() };
}

const menuButton = (page: Page) => page.getByRole('button', { name: `Account menu for ${person.name}` });

/** Waits (up to five seconds) until `done()`. */
async function until(done: () => boolean, what: string) {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 5000) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a signed-in page shows without the menus’ code and without asking about setup', { timeout: 60_000 }, async () => {
  const { context, page, asked, letThrough } = await signedInPage(412);
  const breakage = watchForBreakage(page);
  await step(page, 'My caseload without the menus', async () => {
    await page.goto(`${server.origin}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await menuButton(page).waitFor();
    await page.getByRole('button', { name: /^Language: English/ }).waitFor();
    // The buttons are the first render's own, not the kit's (which has an id from its menu).
    assert.equal(await menuButton(page).getAttribute('aria-haspopup'), 'menu');
    assert.equal(await menuButton(page).getAttribute('id'), null);
    assert.deepEqual(await seriousA11yViolations(page), []);
    assert.ok(asked.includes('/api/session'), asked.join(', '));
    assert.ok(!asked.includes('/api/setup'), `a signed-in page asked about setup: ${asked.join(', ')}`);
  });
  letThrough();
  assert.deepEqual(breakage, []);
  await context.close();
});

for (const how of ['pointer', 'keyboard'] as const) {
  test(`the account menu pressed (${how}) before its code has arrived opens once it has`, { timeout: 60_000 }, async () => {
    const { context, page, menuCodeAsked, letThrough } = await signedInPage(1280);
    const breakage = watchForBreakage(page);
    await step(page, `account menu by ${how}`, async () => {
      await page.goto(`${server.origin}/caseload`);
      await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      if (how === 'pointer') await menuButton(page).click();
      else {
        await menuButton(page).focus();
        await page.keyboard.press('Enter');
      }
      // The code was asked for (pointing at the button, or pressing it), and nothing opened yet.
      await until(menuCodeAsked, 'the menu code to be asked for');
      assert.equal(await page.getByRole('menu').count(), 0);

      letThrough();
      const menu = page.getByRole('menu');
      await menu.waitFor();
      await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
      assert.equal(await menuButton(page).getAttribute('aria-expanded'), 'true');
      // The focus is on the first item (the kit's invisible placeholder for it is left out: axe
      // counts a focusable element in a menu that is not an item as a fault).
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'My account');
      assert.deepEqual(await seriousA11yViolations(page), []);

      // Closing gives the focus back to the button, as a menu that was there all along does.
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Account menu for ${person.name}`);

      // And it opens again at once.
      await menuButton(page).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    });
    assert.deepEqual(breakage, []);
    await context.close();
  });
}

for (const release of ['on the button', 'elsewhere'] as const) {
  test(`a press the menu code arrives in the middle of, released ${release}`, { timeout: 60_000 }, async () => {
    // The button is replaced by the kit's between the finger going down and coming up, and the
    // browser then sends the click to neither button (CI lost a click this way in December
    // 2026). Released on the button, the menu opens; released elsewhere, nothing was pressed.
    const { context, page, letThrough } = await signedInPage(1280);
    const breakage = watchForBreakage(page);
    await step(page, `press spanning the menu code, released ${release}`, async () => {
      await page.goto(`${server.origin}/caseload`);
      await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
      const box = await menuButton(page).boundingBox();
      assert.ok(box !== null);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      const arrived = page.waitForResponse(/menuKit/);
      letThrough();
      await arrived;
      await page.waitForFunction((label) => document.querySelector(`button[aria-label="${label}"]`)?.id, `Account menu for ${person.name}`);
      if (release === 'elsewhere') await page.mouse.move(box.x + box.width / 2, box.y + 300);
      await page.mouse.up();
      if (release === 'on the button') {
        await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
        assert.equal(await menuButton(page).getAttribute('aria-expanded'), 'true');
      } else {
        await page.waitForTimeout(300);
        assert.equal(await page.getByRole('menu').count(), 0);
        assert.equal(await menuButton(page).getAttribute('aria-expanded'), 'false');
      }
    });
    assert.deepEqual(breakage, []);
    await context.close();
  });
}

test('a menu button focused before its code has arrived keeps the focus when it does', { timeout: 60_000 }, async () => {
  const { context, page, letThrough } = await signedInPage(1280);
  const breakage = watchForBreakage(page);
  await step(page, 'focus kept across the menu code', async () => {
    await page.goto(`${server.origin}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await menuButton(page).focus();
    const arrived = page.waitForResponse(/menuKit/);
    letThrough();
    await arrived;
    // The kit's button, with its menu's id, has taken the first one's place.
    await page.waitForFunction((label) => document.querySelector(`button[aria-label="${label}"]`)?.id, `Account menu for ${person.name}`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Account menu for ${person.name}`);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('without a session, the app still asks whether setup is needed, and offers sign-in', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
  });
  await step(page, 'signed out, My caseload', async () => {
    await page.goto(`${server.origin}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').waitFor();
    assert.ok(asked.includes('/api/setup'), asked.join(', '));
  });
  await context.close();
});

test('a page whose code does not arrive says so in its place, and the rest of the app stays', { timeout: 60_000 }, async () => {
  const { context, page, letThrough } = await signedInPage(1280);
  letThrough();
  // The app reloads once a minute at most when a page's code is missing (after an upgrade: the
  // reload brings the new version; pwa/registerServiceWorker.tsx). Marked as just done, so that
  // what shows is what a second failure within that minute shows.
  await page.addInitScript(() => sessionStorage.setItem('bridgeway.reloadedForMissingCode', String(Date.now())));
  const breakage = watchForBreakage(page);
  await step(page, 'the account page cut off', async () => {
    await page.goto(`${server.origin}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await page.route(/\/assets\/AccountPage-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'My account' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This part of Bridgeway did not arrive' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Reload the page' }).waitFor();
    // The frame is still there: the navigation leads back to a page that did arrive.
    await page.getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    // The notice belongs to the page that failed: one page behind the same guard as another
    // (Today, then My caseload) does not pass it on.
    await page.route(/\/assets\/TodayPage-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'Today' }).click();
    await alert.waitFor();
    await page.getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    assert.equal(await alert.count(), 0);
  });
  assert.deepEqual(
    breakage.filter((problem) => !/dynamically imported module/.test(problem)),
    [],
  );
  await context.close();
});
