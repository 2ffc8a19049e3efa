/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { e2eHarness, orgWithStaff, step } from '../support/e2e.ts';

/**
 * Sign-in painted from index.html (issue 12): on /sign-in, public/first-paint.js shows a static
 * copy of the sign-in form before the app's scripts have arrived, in the person's language and
 * in the same boxes as the app's form, which takes over what was typed into it. Any other address
 * shows the static header only: someone signed in never sees a sign-in form first. The app's
 * scripts are held back here (a slow phone) until the test lets them through.
 */
const { server, browser, call } = await e2eHarness();

const person = { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase' };
const spanishSpeaker = { name: 'Lucía Ramos', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase' };

before(async () => {
  await orgWithStaff(call, {
    people: [
      { ...person, roles: ['case-manager'] },
      { ...spanishSpeaker, roles: ['peer-recovery-specialist'], locale: 'es' },
    ],
  });
});

/** A page whose scripts under /assets/ wait until `letThrough()`; the service worker is kept out of the way. */
async function slowAppPage(options: { locale?: string; storedLocale?: string; cookie?: string; width?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 412, height: 823 },
    locale: options.locale ?? 'en-US',
    serviceWorkers: 'block',
  });
  if (options.cookie !== undefined) {
    const [name = '', value = ''] = options.cookie.split('=');
    await context.addCookies([{ name, value, url: server.origin }]);
  }
  if (options.storedLocale !== undefined) {
    const stored = options.storedLocale;
    await context.addInitScript((locale) => localStorage.setItem('bridgeway.locale', locale), stored);
  }
  const page = await context.newPage();
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return { context, page, letThrough: () => open() };
}

/** Where the sign-in form's parts are, and their words, in #boot (static) or #root (the app). */
function formBoxes(page: Page, within: '#boot' | '#root') {
  return page.evaluate((selector) => {
    const scope = document.querySelector(selector);
    if (scope === null) return null;
    const box = (element: Element | null | undefined, withText = true) => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      const text = !withText ? '' : (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      return `${text} @ ${rect.x.toFixed(1)},${rect.y.toFixed(1)} ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`;
    };
    const form = scope.querySelector('form');
    return {
      title: box(scope.querySelector('h1')),
      form: box(form, false),
      labels: Array.from(form?.querySelectorAll('label') ?? [], (label) => box(label)),
      inputs: Array.from(form?.querySelectorAll('input') ?? [], (input) => `${input.type} ${box(input.closest('.m_6c018570'), false)}`),
      button: box(form?.querySelector('button[type="submit"]')),
      help: box(form?.parentElement?.querySelector(':scope > p')),
    };
  }, within);
}

const bootForm = (page: Page) => page.locator('#boot-form');
const takenOver = (page: Page) => page.waitForFunction(() => document.getElementById('boot') === null);

for (const language of [
  { name: 'English', locale: 'en-US', stored: undefined, title: 'Sign in', email: 'Email', password: 'Password', lang: 'en' },
  {
    name: 'English on a wide screen',
    width: 1280,
    locale: 'en-US',
    stored: undefined,
    title: 'Sign in',
    email: 'Email',
    password: 'Password',
    lang: 'en',
  },
  {
    name: 'Spanish, chosen on this device',
    locale: 'en-US',
    stored: 'es',
    title: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    lang: 'es',
  },
  {
    name: "Spanish, the browser's",
    locale: 'es-MX',
    stored: undefined,
    title: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    lang: 'es',
  },
]) {
  test(`${language.name}: the form is there before the app, in the same boxes and words as the app's`, { timeout: 60_000 }, async () => {
    const { context, page, letThrough } = await slowAppPage({
      locale: language.locale,
      storedLocale: language.stored,
      width: language.width,
    });
    await step(page, `static sign-in ${language.name}`, async () => {
      await page.goto(`${server.origin}/sign-in`, { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: language.title }).waitFor();
      assert.equal(await page.getByLabel(language.email, { exact: true }).count(), 1);
      assert.equal(await page.getByLabel(language.password, { exact: true }).count(), 1);
      assert.equal(await page.evaluate(() => document.documentElement.lang), language.lang);
      assert.equal(await page.title(), `${language.title} · Bridgeway`);
      assert.ok(await bootForm(page).isVisible());
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the static sign-in form');
      const staticBoxes = await formBoxes(page, '#boot');
      letThrough();
      await takenOver(page);
      await page.getByRole('button', { name: language.title }).waitFor();
      assert.deepEqual(await formBoxes(page, '#root'), staticBoxes, 'the static form and the app’s are not the same');
      assert.equal(await page.evaluate(() => document.documentElement.lang), language.lang);
    });
    await context.close();
  });
}

test('what is typed before the app arrives is kept, with the focus, and signing in works', { timeout: 60_000 }, async () => {
  const { context, page, letThrough } = await slowAppPage();
  const breakage = watchForBreakage(page);
  await step(page, 'typing before the app', async () => {
    await page.goto(`${server.origin}/sign-in`, { waitUntil: 'commit' });
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).click();
    await page.keyboard.type(person.password.slice(0, 10));
    // Still the static form: the app's scripts have not arrived.
    assert.ok(await bootForm(page).isVisible());
    letThrough();
    await takenOver(page);
    const email = page.getByLabel('Email', { exact: true });
    const password = page.getByLabel('Password', { exact: true });
    assert.equal(await email.inputValue(), person.email);
    assert.equal(await password.inputValue(), person.password.slice(0, 10));
    assert.ok(await password.evaluate((input) => document.activeElement === input), 'the password field has the focus');
    // Typing goes on where it stopped, into the app's field.
    await page.keyboard.type(person.password.slice(10));
    assert.equal(await password.inputValue(), person.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('pressing "Sign in" before the app arrives signs in once it has', { timeout: 60_000 }, async () => {
  const { context, page, letThrough } = await slowAppPage();
  await step(page, 'sending before the app', async () => {
    let sentTo = '';
    page.on('request', (request) => {
      if (request.method() === 'POST' && sentTo === '') sentTo = request.url();
    });
    await page.goto(`${server.origin}/sign-in`, { waitUntil: 'commit' });
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The browser sent nothing itself (no address with the password, no page load).
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(new URL(page.url()).search, '');
    letThrough();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    assert.equal(new URL(sentTo).pathname, '/api/session');
  });
  await context.close();
});

test('someone signed in opening My caseload or a patient list never sees the static sign-in form', { timeout: 60_000 }, async () => {
  const session = await call('POST', '/api/session', { email: person.email, password: person.password });
  assert.equal(session.status, 200);
  for (const [address, heading] of [
    ['/caseload', 'My caseload'],
    ['/patients', 'Patients'],
  ] as const) {
    const { context, page, letThrough } = await slowAppPage({ cookie: session.cookie });
    await step(page, `signed in, ${address}`, async () => {
      // Records whether the static form was ever shown, from the first parse on.
      await page.addInitScript(() => {
        const seen = () => {
          const main = document.getElementById('boot-main');
          if (main !== null && !main.hidden) document.documentElement.setAttribute('data-test-sign-in-seen', 'true');
        };
        new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(`${server.origin}${address}`, { waitUntil: 'commit' });
      await page.locator('#boot header').waitFor();
      assert.equal(await bootForm(page).isVisible(), false);
      assert.equal(await page.getByRole('heading', { name: 'Sign in' }).count(), 0);
      letThrough();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await page.evaluate(() => document.getElementById('boot')), null);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-test-sign-in-seen')), null);
    });
    await context.close();
  }
});

/** Where My caseload's heading and sentence are, and their words, in #boot (static) or #root (the app). */
function headingBoxes(page: Page, within: '#boot-page' | '#root main') {
  return page.evaluate((selector) => {
    const heading = document.querySelector(`${selector} h1`);
    const sentence = heading?.closest('.m_6d731127')?.querySelector('p');
    const box = (element: Element | null | undefined) => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return `${(element.textContent ?? '').replace(/\s+/g, ' ').trim()} @ ${rect.x.toFixed(1)},${rect.y.toFixed(1)} ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`;
    };
    return { heading: box(heading), sentence: box(sentence) };
  }, within);
}

for (const visit of [
  {
    name: 'in Spanish on a phone',
    who: spanishSpeaker,
    width: 412,
    storedLocale: 'es',
    heading: 'Mis casos',
    signOut: 'Cerrar sesión',
    menu: 'Menú de la cuenta',
  },
  {
    name: 'in English at a desk',
    who: person,
    width: 1280,
    storedLocale: 'en',
    heading: 'My caseload',
    signOut: 'Sign out',
    menu: 'Account menu',
  },
]) {
  test(
    `My caseload ${visit.name}: its heading is there before the app, where the app puts it, for someone signed in here`,
    { timeout: 90_000 },
    async () => {
      const session = await call('POST', '/api/session', { email: visit.who.email, password: visit.who.password });
      assert.equal(session.status, 200);
      const { context, page, letThrough } = await slowAppPage({
        cookie: session.cookie,
        storedLocale: visit.storedLocale,
        width: visit.width,
      });
      const breakage = watchForBreakage(page);
      await step(page, `first visit ${visit.name}: the app marks this device as signed in`, async () => {
        letThrough();
        await page.goto(`${server.origin}/caseload`);
        await page.getByRole('heading', { level: 1, name: visit.heading }).waitFor();
        assert.equal(await page.evaluate(() => localStorage.getItem('bridgeway.signedIn')), 'clinical');
      });

      const again = await context.newPage();
      const breakageAgain = watchForBreakage(again);
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      await again.route(/\/assets\/.*\.js$/, async (route) => {
        await gate;
        await route.continue();
      });
      await step(again, `static My caseload ${visit.name}`, async () => {
        // Records whether the page was ever without a visible heading once the static one showed
        // (a loader in between), and whether both showed at once.
        await again.addInitScript(() => {
          // Kept in variables: an attribute set here would be a mutation, and call this again.
          let staticShown = false;
          const check = () => {
            staticShown ||= document.getElementById('boot-page')?.hidden === false;
            const visible = Array.from(document.querySelectorAll('h1')).filter((h1) => h1.checkVisibility()).length;
            if (staticShown && visible !== 1) (window as unknown as { testHeadings?: number }).testHeadings = visible;
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        });
        await again.goto(`${server.origin}/caseload`, { waitUntil: 'commit' });
        await again.locator('#boot-page h1').waitFor();
        assert.equal(await again.title(), `${visit.heading} · Bridgeway`);
        assert.equal(await again.locator('html').getAttribute('lang'), visit.storedLocale);
        assert.equal(await bootForm(again).isVisible(), false, 'never the sign-in form');
        assert.deepEqual(await seriousA11yViolations(again), [], 'axe on the static heading');
        const before = await headingBoxes(again, '#boot-page');
        assert.ok(before.heading?.startsWith(`${visit.heading} @`), String(before.heading));
        assert.ok(before.sentence !== null, 'the sentence under the heading');
        open();
        await takenOver(again);
        await again.locator('#root main h1').waitFor();
        assert.deepEqual(await headingBoxes(again, '#root main'), before, 'the same words in the same boxes');
        assert.equal(
          await again.evaluate(() => (window as unknown as { testHeadings?: number }).testHeadings ?? null),
          null,
          'one heading all along',
        );
      });

      await step(again, `signed out ${visit.name}: no static heading next time`, async () => {
        await again.getByRole('button', { name: new RegExp(visit.menu) }).click();
        await again.getByRole('menuitem', { name: visit.signOut }).click();
        await again.waitForURL(/\/sign-in/);
        assert.equal(await again.evaluate(() => localStorage.getItem('bridgeway.signedIn')), null);
      });
      const third = await context.newPage();
      await third.route(/\/assets\/.*\.js$/, () => undefined); // never arrives
      await third.goto(`${server.origin}/caseload`, { waitUntil: 'commit' });
      // Parsed to the end (first-paint.js has run), the app's scripts still held back.
      await third.waitForFunction(() => document.readyState !== 'loading');
      assert.equal(await third.locator('#boot-page').isVisible(), false);
      assert.equal(await third.locator('#boot header').isVisible(), true);
      assert.deepEqual([...breakage, ...breakageAgain], []);
      await context.close();
    },
  );
}
