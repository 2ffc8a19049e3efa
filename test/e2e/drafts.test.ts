/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from '../support/browser.ts';
import { endSessionThenWake, intakeChart, journey, loseSessionOnSave, signInAgain, wake } from '../support/drafts.ts';
import { apiSession, orgWithStaff, step, e2eHarness } from '../support/e2e.ts';

/**
 * A session ending during an edit (issue 8, defect 4) in the dialogs people type most in: the
 * consent, the level of care and a need. The save is refused, the user signs in again, lands on
 * the same screen with the dialog open and what they typed back (never in the URL), and saving
 * sends it; an edit still goes against the version first read, so a colleague's change made
 * meanwhile is a conflict, never overwritten. English at a desk, Spanish on a phone.
 */
const { server, browser, call, signIn } = await e2eHarness();

const shots = process.env.BRIDGEWAY_SCREENSHOTS;
const TZ = 'America/Chicago';
const today = new Date().toLocaleDateString('en-CA', { timeZone: TZ });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: TZ });

const rosa = { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' };
const lucia = { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' };
const charts = { en: { patient: '', episode: '', placement: '' }, es: { patient: '', episode: '', placement: '' } };

before(async () => {
  const org = await orgWithStaff(call, {
    timeZone: TZ,
    people: [
      { ...rosa, roles: ['case-manager'] },
      { ...lucia, roles: ['case-manager'] },
    ],
  });
  const { programId } = org;
  const names = { en: ['Marisol', 'Vega'], es: ['Ernesto', 'Salas'] } as const;
  for (const [key, person] of [
    ['en', rosa],
    ['es', lucia],
  ] as const) {
    const own = await apiSession(call, person.email, person.password);
    const chart = await intakeChart(call, own, { first: names[key][0], last: names[key][1], dateOfBirth: '1984-06-19' }, programId, today);
    charts[key].patient = chart.patient;
    charts[key].episode = chart.episode;
  }
  // Rosa's episode has a level of care to edit.
  const own = await apiSession(call, rosa.email, rosa.password);
  const placement = await call(
    'POST',
    `/api/episodes/${charts.en.episode}/placements`,
    { levelEdition: 'asam-3', levelCode: '2.1', startDate: today, concurrent: false },
    own.headers,
  );
  assert.equal(placement.status, 201, JSON.stringify(placement.body));
  charts.en.placement = String(placement.body.id);
});

async function choose(scope: Locator, page: Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).first().click();
  // On a phone the list keeps moving while the dialog settles (and slower still on a loaded
  // machine), so a pointer click may never find it still: pick the option directly.
  await page.getByRole('option', { name: option, exact: true }).dispatchEvent('click');
}

async function placementOf(headers: Record<string, string>): Promise<{ note: string | null; version: number }> {
  const episode = await call('GET', `/api/episodes/${charts.en.episode}`, undefined, headers);
  const placements = episode.body.placements as { id: string; note: string | null; version: number }[];
  const found = placements.find((p) => p.id === charts.en.placement);
  assert.ok(found);
  return found;
}

test('English at a desk: a consent, a level-of-care edit and a task survive the session ending', { timeout: 180_000 }, async () => {
  const { context, page, end } = await journey(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const description = 'Attendance letters for the drug court, and her SUD diagnosis';

  await step(page, 'a consent typed, the session ends on Save, sign in: the dialog is open with it', async () => {
    await signIn(page, rosa, 'Sign in', 'Today');
    await page.goto(`${server.origin}/patients/${charts.en.patient}/consents`);
    const consentsUrl = page.url();
    await page.getByRole('button', { name: 'Record a consent' }).click();
    let dialog = page.getByRole('dialog', { name: 'Record a consent' });
    await dialog.getByRole('checkbox', { name: 'Attendance and participation' }).check();
    await dialog.getByRole('checkbox', { name: 'Substance use disorder diagnosis' }).check();
    await dialog.getByLabel(/^Describe the information/).fill(description);
    await dialog.getByLabel(/^Expires on/).fill(inDays(180));
    await dialog.getByRole('radio', { name: 'Verbal, with a witness' }).check();
    await dialog.getByLabel(/^Witness’s name/).fill('Dana Whitfield');

    await loseSessionOnSave(context, page, dialog.getByRole('button', { name: 'Save the consent' }), 'Sign in');
    await page.getByText('Your session ended').waitFor();
    await signInAgain(page, rosa, 'Sign in');

    dialog = page.getByRole('dialog', { name: 'Record a consent' });
    await dialog.getByText('What you typed is back').waitFor();
    assert.equal(page.url(), consentsUrl, 'back on the same screen');
    assert.equal(await dialog.getByLabel(/^Describe the information/).inputValue(), description);
    assert.equal(await dialog.getByLabel(/^Expires on/).inputValue(), inDays(180));
    assert.equal(await dialog.getByLabel(/^Witness’s name/).inputValue(), 'Dana Whitfield');
    assert.ok(await dialog.getByRole('checkbox', { name: 'Attendance and participation' }).isChecked());
    assert.ok(await dialog.getByRole('radio', { name: 'Verbal, with a witness' }).isChecked());
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the restored consent');
    if (shots) await page.screenshot({ path: path.join(shots, 'draft-consent-restored-en.png'), fullPage: true });

    await dialog.getByRole('button', { name: 'Save the consent' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/patients/${id}/consents`)).json()) as { items: { id: string }[] },
      charts.en.patient,
    );
    assert.equal(saved.items.length, 1, 'one consent, saved once');
    const consent = await page.evaluate(
      async (id) => (await (await fetch(`/api/consents/${id}`)).json()) as { informationDescription: string; witnessName: string },
      saved.items[0]?.id ?? '',
    );
    assert.deepEqual([consent.informationDescription, consent.witnessName], [description, 'Dana Whitfield']);
  });

  await step(page, 'cancelled, the draft is gone: the next consent starts empty', async () => {
    await page.getByRole('button', { name: 'Record a consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a consent' });
    assert.equal(await dialog.getByLabel(/^Describe the information/).inputValue(), '');
    assert.equal(await dialog.getByText('What you typed is back').count(), 0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  await step(page, 'a level-of-care edit comes back and still saves against the version first read', async () => {
    await page.goto(`${server.origin}/episodes/${charts.en.episode}`);
    await page.getByRole('button', { name: 'Edit ASAM 3rd ed. 2.1 Intensive outpatient' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit a level of care' });
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Drives herself to group on Tuesdays');
    await loseSessionOnSave(context, page, dialog.getByRole('button', { name: 'Save changes' }), 'Sign in');

    // Meanwhile a colleague (here Rosa in another tab) changes the same note.
    const other = await apiSession(call, rosa.email, rosa.password);
    const before = await placementOf(other.headers);
    const theirs = await call(
      'PATCH',
      `/api/placements/${charts.en.placement}`,
      { note: 'Bus pass from the county', version: before.version },
      other.headers,
    );
    assert.equal(theirs.status, 200, JSON.stringify(theirs.body));

    await signInAgain(page, rosa, 'Sign in');
    dialog = page.getByRole('dialog', { name: 'Edit a level of care' });
    await dialog.getByText('What you typed is back').waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Note (optional)' }).inputValue(), 'Drives herself to group on Tuesdays');
    if (shots) await page.screenshot({ path: path.join(shots, 'draft-placement-restored-en.png'), fullPage: true });

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    // The version first read is stale: a conflict to compare, the colleague's note untouched.
    await dialog.getByText('Someone else changed this').waitFor();
    assert.equal((await placementOf(other.headers)).note, 'Bus pass from the county', 'not overwritten');
    assert.equal(
      await dialog.getByRole('textbox', { name: 'Note (optional)' }).inputValue(),
      'Drives herself to group on Tuesdays',
      'what was typed stays',
    );
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the conflict after restoring');
    if (shots) await page.screenshot({ path: path.join(shots, 'draft-placement-conflict-en.png'), fullPage: true });
    // Saving again, having seen theirs, is the user's choice.
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await placementOf(other.headers)).note, 'Drives herself to group on Tuesdays');
  });
  await step(page, 'a task of her own on Today comes back too', async () => {
    await page.goto(`${server.origin}/today`);
    await page.getByRole('button', { name: 'Add a task of my own' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
    await dialog.getByLabel(/^What is to be done/).fill('Finish the naloxone training module');
    await loseSessionOnSave(context, page, dialog.getByRole('button', { name: 'Add task' }), 'Sign in');
    await signInAgain(page, rosa, 'Sign in');
    dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
    await dialog.getByText('What you typed is back').waitFor();
    assert.equal(await dialog.getByLabel(/^What is to be done/).inputValue(), 'Finish the naloxone training module');
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Finish the naloxone training module').first().waitFor();
  });
  await step(page, 'a read after the laptop wakes finds the session ended: what was typed is kept, not only on Save', async () => {
    await page.getByRole('button', { name: 'Add a task of my own' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
    await dialog.getByLabel(/^What is to be done/).fill('Call the county about the bus pass renewal');
    await endSessionThenWake(context, page);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInAgain(page, rosa, 'Sign in');
    dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
    await dialog.getByText('What you typed is back').waitFor();
    assert.equal(await dialog.getByLabel(/^What is to be done/).inputValue(), 'Call the county about the bus pass renewal');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  await step(page, 'signing out on purpose in another tab: what this tab holds is not kept', async () => {
    await page.getByRole('button', { name: 'Add a task of my own' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
    await dialog.getByLabel(/^What is to be done/).fill('Ask about the food bank hours');
    // A shared computer: in another tab of the same browser, she signs out.
    const other = await context.newPage();
    await other.goto(`${server.origin}/today`);
    await other.getByRole('button', { name: `Account menu for ${rosa.name}` }).click();
    await other.getByRole('menuitem', { name: 'Sign out' }).click();
    await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await other.close();
    // This tab learns of it from its next read; signed in again, nothing comes back.
    await wake(page);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInAgain(page, rosa, 'Sign in');
    await page.getByRole('button', { name: 'Add a task of my own' }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog reopened');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('bridgeway.drafts')), null, 'no draft kept in this tab');
  });
  await end(/drug|Tuesdays|Dana|naloxone|bus pass|food bank/i);
});

test('Spanish on a phone: a new level of care and a need survive the session ending', { timeout: 180_000 }, async () => {
  const { context, page, end } = await journey(browser, {
    viewport: { width: 390, height: 844 },
    locale: 'es-US',
    isMobile: true,
    hasTouch: true,
  });

  await step(page, 'a level of care typed, the session ends, sign in: it is back', async () => {
    await signIn(page, lucia, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/episodes/${charts.es.episode}`);
    const episodeUrl = page.url();
    await page.getByRole('button', { name: 'Agregar un nivel de atención' }).click();
    let dialog = page.getByRole('dialog', { name: 'Agregar un nivel de atención' });
    await choose(dialog, page, 'Nivel de atención', '2.1 Ambulatorio intensivo');
    await dialog.getByLabel('Proveedor', { exact: true }).fill('Centro Esperanza');
    await dialog.getByLabel('Nota (opcional)').fill('Prefiere los grupos de la tarde');
    await loseSessionOnSave(context, page, dialog.getByRole('button', { name: 'Agregar nivel de atención' }), 'Iniciar sesión');
    await page.getByText('Su sesión terminó').waitFor();
    await signInAgain(page, lucia, 'Iniciar sesión');

    dialog = page.getByRole('dialog', { name: 'Agregar un nivel de atención' });
    await dialog.getByText('Lo que usted escribió está de vuelta').waitFor();
    assert.equal(page.url(), episodeUrl, 'back on the same episode');
    assert.equal(await dialog.getByLabel('Nivel de atención', { exact: true }).first().inputValue(), '2.1 Ambulatorio intensivo');
    assert.equal(await dialog.getByLabel('Proveedor', { exact: true }).inputValue(), 'Centro Esperanza');
    assert.equal(await dialog.getByLabel('Nota (opcional)').inputValue(), 'Prefiere los grupos de la tarde');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing wider than the phone (${overflow}px)`);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the restored level of care');
    if (shots) await page.screenshot({ path: path.join(shots, 'draft-placement-restored-es-phone.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Agregar nivel de atención' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const episode = await page.evaluate(
      async (id) => (await (await fetch(`/api/episodes/${id}`)).json()) as { placements: { providerName: string; note: string }[] },
      charts.es.episode,
    );
    assert.deepEqual(
      episode.placements.map((p) => [p.providerName, p.note]),
      [['Centro Esperanza', 'Prefiere los grupos de la tarde']],
      'added once',
    );
  });

  await step(page, 'a need typed, the session ends, sign in: it is back', async () => {
    await page.getByRole('button', { name: 'Registrar una necesidad' }).click();
    let dialog = page.getByRole('dialog', { name: 'Registrar una necesidad' });
    await choose(dialog, page, 'Área de vida', 'Vivienda');
    await dialog.getByLabel('Qué se necesita (opcional)').fill('Un cuarto cerca de la parada del autobús');
    await loseSessionOnSave(context, page, dialog.getByRole('button', { name: 'Registrar una necesidad' }), 'Iniciar sesión');
    await signInAgain(page, lucia, 'Iniciar sesión');
    dialog = page.getByRole('dialog', { name: 'Registrar una necesidad' });
    await dialog.getByText('Lo que usted escribió está de vuelta').waitFor();
    assert.equal(await dialog.getByLabel('Qué se necesita (opcional)').inputValue(), 'Un cuarto cerca de la parada del autobús');
    assert.equal(await dialog.getByLabel('Área de vida', { exact: true }).first().inputValue(), 'Vivienda');
    if (shots) await page.screenshot({ path: path.join(shots, 'draft-need-restored-es-phone.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Registrar una necesidad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Un cuarto cerca de la parada del autobús').waitFor();
  });
  await end(/Esperanza|tarde|autob/i);
});
