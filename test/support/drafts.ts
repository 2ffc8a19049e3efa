// What the kept-drafts browser tests share (test/e2e/drafts*.test.ts): a journey that watches
// the addresses it visits, a session that ends with a dialog open, signing in again on the
// sign-in page it leads to, and a patient on an intake episode to type into.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page, Route } from 'playwright-core';
import { watchForBreakage } from './browser.ts';
import type { apiSession, e2eHarness } from './e2e.ts';

type Call = Awaited<ReturnType<typeof e2eHarness>>['call'];

/**
 * One person's journey in a browser context of its own, noting every address it visits and
 * anything that breaks. `end(typed)`: nothing matching `typed` (what the journey typed) went into
 * an address, nothing broke, and the context closes.
 */
export async function journey(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  const breakage = watchForBreakage(page);
  const end = async (typed: RegExp) => {
    assert.ok(!urls.some((url) => typed.test(decodeURIComponent(url))), 'what was typed never went into a URL');
    assert.deepEqual(breakage, []);
    await context.close();
  };
  return { context, page, end };
}

/** The session ends (idle timeout, or ended elsewhere) with the dialog open; Save meets sign-in. */
export async function loseSessionOnSave(context: BrowserContext, page: Page, save: Locator, signInHeading: string): Promise<void> {
  await endSessionOnNextWrite(context, page);
  await save.click();
  await page.getByRole('heading', { level: 1, name: signInHeading }).waitFor();
}

/**
 * The session ends on the server the moment the page's next write leaves, so that write is the
 * request that meets it. Clearing the cookies before the click instead let a read still arriving
 * for the page (a section whose code loads late) meet the ended session first: sign-in replaced
 * the dialog before the click (CI, 2 December 2026). Reads go on with the session meanwhile.
 */
export async function endSessionOnNextWrite(context: BrowserContext, page: Page): Promise<void> {
  const pattern = '**/api/**';
  let signedOut: Promise<void> | null = null;
  const handler = async (route: Route) => {
    const request = route.request();
    if (request.method() === 'GET') return route.fallback();
    const csrfToken = (await request.headerValue('x-csrf-token')) ?? '';
    // The first write ends the session; any other write waits for that, so none goes on it.
    const first = signedOut === null;
    signedOut ??= signOutOnServer(context, new URL(request.url()).origin, csrfToken);
    try {
      await signedOut;
    } finally {
      await route.fallback();
      if (first) await page.unroute(pattern, handler);
    }
  };
  await page.route(pattern, handler);
}

/**
 * The session ends on the server while the page sits still (idle timeout, or ended elsewhere),
 * and the page learns of it only from its next read: here, the one the app makes when the
 * laptop wakes and the network comes back.
 */
export async function endSessionThenWake(context: BrowserContext, page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const { csrfToken } = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { csrfToken: string });
  await signOutOnServer(context, origin, csrfToken);
  await wake(page);
}

/** The laptop wakes and the network comes back: the app reloads what the screen shows. */
export async function wake(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
  });
}

/** Signs the browser's session out as if from elsewhere, and forgets its cookie as the server would. */
async function signOutOnServer(context: BrowserContext, origin: string, csrfToken: string): Promise<void> {
  const cookie = (await context.cookies(origin)).map(({ name, value }) => `${name}=${value}`).join('; ');
  const signOut = await fetch(`${origin}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
  assert.equal(signOut.status, 204, 'the session ended on the server');
  await context.clearCookies();
}

/** Signs in again on the sign-in page, in either language. */
export async function signInAgain(page: Page, person: { email: string; password: string }, submit: string): Promise<void> {
  await page.getByLabel(/^(Email|Correo electrónico)$/).fill(person.email);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(person.password);
  await page.getByRole('button', { name: submit }).click();
}

/** A patient registered by `own`, on an intake episode opened today with `own` as primary case manager. */
export async function intakeChart(
  call: Call,
  own: Awaited<ReturnType<typeof apiSession>>,
  patient: { first: string; last: string; dateOfBirth: string },
  programId: string,
  today: string,
): Promise<{ patient: string; episode: string }> {
  const registered = await call(
    'POST',
    '/api/patients',
    { legalFirstName: patient.first, legalLastName: patient.last, dateOfBirth: patient.dateOfBirth },
    own.headers,
  );
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const episode = await call(
    'POST',
    `/api/patients/${String(registered.body.id)}/episodes`,
    { programId, referralSource: 'self', openedOn: today, phase: 'intake', primaryCaseManagerId: own.userId },
    own.headers,
  );
  assert.equal(episode.status, 201, JSON.stringify(episode.body));
  return { patient: String(registered.body.id), episode: String(episode.body.id) };
}
