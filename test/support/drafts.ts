// What the kept-drafts browser tests share (test/e2e/drafts*.test.ts): a session that ends with
// a dialog open, signing in again on the sign-in page it leads to, and a patient on an intake
// episode to type into.
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { apiSession, e2eHarness } from './e2e.ts';

type Call = Awaited<ReturnType<typeof e2eHarness>>['call'];

/** The session ends (idle timeout, or ended elsewhere) with the dialog open; Save meets sign-in. */
export async function loseSessionOnSave(context: BrowserContext, page: Page, save: Locator, signInHeading: string): Promise<void> {
  await context.clearCookies();
  await save.click();
  await page.getByRole('heading', { level: 1, name: signInHeading }).waitFor();
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
