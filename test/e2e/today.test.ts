/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * Today and the timeline (issue 9): a case manager opens Today, ticks an overdue task done and
 * sees it go; opens the patient's timeline, finds the entry and filters it to tasks; a
 * colleague sees the same screens in Spanish on a phone. axe on each screen.
 */
const { server, browser, call, signIn } = await e2eHarness();

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};

const patientIds: Record<'en' | 'es', string> = { en: '', es: '' };

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
  const { addDays } = await import('../../src/lib/dates.ts');
  for (const [key, person] of Object.entries(people) as ['en' | 'es', (typeof people)['en']][]) {
    // Each has a patient in care with two tasks: one overdue, one due today.
    const patient =
      key === 'en'
        ? { legalFirstName: 'Marisol', legalLastName: 'Vega', dateOfBirth: '1979-11-02' }
        : { legalFirstName: 'Joaquín', legalLastName: 'Ortega', dateOfBirth: '1990-04-17' };
    const {
      patientId,
      episodeId,
      headers: mine,
    } = await patientOnCaseload(call, person, patient, {
      programId: org.programId,
      openedOn: addDays(today, -20),
    });
    patientIds[key] = patientId;
    for (const task of [
      {
        title: key === 'en' ? 'Call back about the housing application' : 'Llamar por la solicitud de vivienda',
        dueOn: addDays(today, -2),
        priority: 'high',
      },
      { title: key === 'en' ? 'Confirm Thursday’s ride to the clinic' : 'Confirmar el transporte del jueves', dueOn: today },
    ]) {
      const made = await call('POST', `/api/patients/${patientIds[key]}/tasks`, { ...task, episodeId }, mine);
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
  }
});

const shots = process.env.BRIDGEWAY_SCREENSHOTS;

test(
  'a case manager completes an overdue task from Today, then finds it on the timeline and filters it',
  { timeout: 120_000 },
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const breakage = watchForBreakage(page);
    const title = 'Call back about the housing application';
    await step(page, 'Today', async () => {
      await signIn(page, people.en, 'Sign in', 'Today');
      await page.getByRole('link', { name: 'Today' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      const tasks = page.getByRole('region', { name: /Tasks due and overdue/ });
      await tasks.getByText(title).waitFor();
      await tasks.getByText('2 days overdue').waitFor();
      await tasks.getByText('Due today').waitFor();
      // The most overdue first.
      const order = await tasks.getByRole('listitem').allInnerTexts();
      assert.ok(order[0]?.includes(title), order.join(' | '));
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on Today');
      await page.screenshot({ path: path.join(shots ?? os.tmpdir(), 'today-en.png'), fullPage: true });
    });
    await step(page, 'tick the task done: it goes', async () => {
      await page.getByRole('checkbox', { name: `Mark “${title}” done` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Done: “${title}”` })
        .waitFor();
      await page.getByRole('checkbox', { name: `Mark “${title}” done` }).waitFor({ state: 'detached' });
      await page.getByRole('region', { name: /Tasks due and overdue \(1\)/ }).waitFor();
    });
    await step(page, 'a task of my own joins Today', async () => {
      await page.getByRole('button', { name: 'Add a task of my own' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a task of my own' });
      await dialog.getByLabel('What is to be done').fill('Finish the naloxone training');
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the own-task dialog');
      await dialog.getByRole('button', { name: 'Add task' }).click();
      await dialog.waitFor({ state: 'detached' });
      const tasks = page.getByRole('region', { name: /Tasks due and overdue \(2\)/ });
      await tasks.getByText('Finish the naloxone training').waitFor();
      await tasks.getByText('Your own task').waitFor();
    });
    await step(page, 'the timeline has it; filtered to tasks', async () => {
      await page.getByRole('link', { name: 'Marisol Vega' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Marisol Vega' }).waitFor();
      // The patient's tasks: the done one is gone from the open ones.
      const section = page.getByRole('region', { name: 'Tasks' });
      await section.getByText('Confirm Thursday’s ride to the clinic').waitFor();
      assert.equal(await section.getByText(title).count(), 0);
      // Give the other task to the person: their own step now.
      await section.getByRole('button', { name: 'More for “Confirm Thursday’s ride to the clinic”' }).click();
      await page.getByRole('menuitem', { name: 'Give to someone else…' }).click();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      const dialog = page.getByRole('dialog', { name: 'Give to someone else…' });
      // Rosa has it, so the person is the one other choice, offered first.
      assert.equal(await dialog.getByLabel('Assigned to').inputValue(), 'The person (their own step)');
      await dialog.getByRole('button', { name: 'Give the task' }).click();
      await dialog.waitFor({ state: 'detached' });
      await section.getByText('The person’s own step').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the patient with tasks');
      await page.screenshot({ path: path.join(shots ?? os.tmpdir(), 'patient-tasks-en.png'), fullPage: true });
      await page.getByRole('link', { name: 'Timeline' }).click();
      await page.getByRole('heading', { level: 1, name: 'Timeline: Marisol Vega' }).waitFor();
      const entries = page.getByRole('list', { name: 'Timeline' });
      await entries.getByRole('link', { name: `Task done: “${title}”` }).waitFor();
      await entries.getByText('Admitted to Riverbend Outpatient').waitFor();
      await entries.getByText('Task “Confirm Thursday’s ride to the clinic” given to the person').waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the timeline');
      await page.screenshot({ path: path.join(shots ?? os.tmpdir(), 'timeline-en.png'), fullPage: true });
      await page.getByRole('checkbox', { name: 'Episode events' }).uncheck();
      await entries.getByText('Admitted to Riverbend Outpatient').waitFor({ state: 'detached' });
      await entries.getByRole('link', { name: `Task done: “${title}”` }).waitFor();
      const kinds = await entries.locator('li').evaluateAll((items) => [...new Set(items.map((item) => item.getAttribute('data-kind')))]);
      assert.deepEqual(kinds, ['task']);
    });
    assert.deepEqual(breakage, []);
    await context.close();
  },
);

test('in Spanish on a phone: Hoy and the Cronología', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-US', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'Hoy', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/today`);
    await page.getByRole('heading', { level: 1, name: 'Hoy' }).waitFor();
    const tasks = page.getByRole('region', { name: /Tareas que vencen o ya vencieron/ });
    await tasks.getByText('Vencida hace 2 días').waitFor();
    await tasks.getByText('Vence hoy').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on Hoy');
    await page.screenshot({ path: path.join(shots ?? os.tmpdir(), 'today-es.png'), fullPage: true });
    await page.getByRole('checkbox', { name: 'Marcar «Confirmar el transporte del jueves» como hecha' }).click();
    await page.getByRole('status').filter({ hasText: 'Hecha: «Confirmar el transporte del jueves»' }).waitFor();
  });
  await step(page, 'Cronología', async () => {
    await page.goto(`${server.origin}/patients/${patientIds.es}/timeline`);
    await page.getByRole('heading', { level: 1, name: /^Cronología/ }).waitFor();
    await page.getByRole('link', { name: 'Tarea hecha: «Confirmar el transporte del jueves»' }).waitFor();
    await page.getByText('Ingresó en Riverbend Outpatient').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Cronología');
    await page.screenshot({ path: path.join(shots ?? os.tmpdir(), 'timeline-es.png'), fullPage: true });
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
