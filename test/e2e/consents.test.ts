/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { seriousA11yViolations, watchForBreakage } from '../support/browser.ts';
import { orgWithStaff, patientOnCaseload, step, e2eHarness } from '../support/e2e.ts';

/**
 * Consents (issue 11): a case manager records a TPO consent signed on screen (drawn with the
 * mouse), sees it active at a glance on the chart, finds a disclosure allowed, revokes the
 * consent and sees the same disclosure blocked with its reason; a Spanish-speaking colleague
 * reads a consent's page and its printable form in Spanish. Axe on each screen.
 */
const { server, browser, call, signIn } = await e2eHarness();

const people = {
  en: { name: 'Rosa Delgado', email: 'rosa@riverbend.invalid', password: 'rosa chooses a passphrase', locale: 'en' },
  es: { name: 'Lucía Romero', email: 'lucia@riverbend.invalid', password: 'lucía elige una frase larga', locale: 'es' },
};
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
const inDays = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const patients = { en: '', es: '' };
let spanishConsent = '';

before(async () => {
  const org = await orgWithStaff(call, { people: Object.values(people).map((person) => ({ ...person, roles: ['case-manager'] })) });
  for (const [language, person] of Object.entries(people) as ['en' | 'es', (typeof people)['en']][]) {
    const patient =
      language === 'en'
        ? { legalFirstName: 'Marisol', legalLastName: 'Vega', dateOfBirth: '1979-11-02' }
        : { legalFirstName: 'Joaquín', legalLastName: 'Ibarra', dateOfBirth: '1988-04-17' };
    const { patientId, headers: own } = await patientOnCaseload(call, person, patient, { programId: org.programId, openedOn: today });
    patients[language] = patientId;
    if (language === 'es') {
      const consent = await call(
        'POST',
        `/api/patients/${patients.es}/consents`,
        {
          kind: 'specific',
          disclosingParty: 'Riverbend Recovery Center',
          recipientKind: 'named',
          recipientName: 'Clínica Familiar del Este',
          informationKinds: ['attendance', 'medications'],
          informationDescription: 'Mis fechas de asistencia y mis medicamentos para el trastorno por uso de opioides',
          purposes: ['care-coordination'],
          expirationKind: 'date',
          expiresOn: inDays(180),
          language: 'es',
          signatureMethod: 'verbal',
          witnessName: 'Lucía Romero',
          signer: 'patient',
          signedOn: today,
        },
        own,
      );
      assert.equal(consent.status, 201, JSON.stringify(consent.body));
      spanishConsent = String(consent.body.id);
      // For the timeline: a refusal to sign, a disclosure under the consent and one in a medical emergency.
      const refused = await call(
        'POST',
        `/api/patients/${patients.es}/consents`,
        {
          kind: 'specific',
          disclosingParty: 'Riverbend Recovery Center',
          recipientKind: 'named',
          recipientName: 'Centro Laboral Norte',
          informationKinds: ['attendance'],
          informationDescription: 'Mis fechas de asistencia',
          purposes: ['care-coordination'],
          expirationKind: 'date',
          expiresOn: inDays(90),
          language: 'es',
          signatureMethod: 'refused',
          signer: 'patient',
          signedOn: today,
        },
        own,
      );
      assert.equal(refused.status, 201, JSON.stringify(refused.body));
      const disclosed = await call(
        'POST',
        `/api/patients/${patients.es}/disclosures`,
        {
          recipientName: 'Clínica Familiar del Este',
          recipientClass: 'treating-provider',
          informationKinds: ['attendance'],
          purpose: 'care-coordination',
        },
        own,
      );
      assert.equal(disclosed.status, 201, JSON.stringify(disclosed.body));
      const emergency = await call(
        'POST',
        `/api/patients/${patients.es}/emergency-disclosures`,
        {
          recipientName: 'Dra. Ana Ruiz',
          recipientAffiliation: 'Hospital San Lucas, Urgencias',
          informationKinds: ['medications'],
          emergencyNature: 'Inconsciente; urgencias pidió la dosis actual de metadona',
          disclosedAt: new Date().toISOString(),
        },
        own,
      );
      assert.equal(emergency.status, 201, JSON.stringify(emergency.body));
    }
  }
});

const shots = process.env.BRIDGEWAY_SCREENSHOTS;

test('record a consent signed on screen, see it at a glance, revoke it, and see the disclosure blocked', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'the chart says there is no consent', async () => {
    await signIn(page, people.en, 'Sign in', 'Today');
    await page.goto(`${server.origin}/patients/${patients.en}`);
    const glance = page.getByRole('region', { name: 'Consent status' });
    await glance.getByText('No consent on file').waitFor();
    await glance.getByRole('link', { name: 'Consents and disclosures' }).click();
    await page.getByRole('heading', { level: 1, name: /^Consents and disclosures: / }).waitFor();
  });
  await step(page, 'record a TPO consent with a drawn signature', async () => {
    await page.getByRole('button', { name: 'Record a consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a consent' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Attendance and participation' }).check();
    await dialog.getByRole('checkbox', { name: 'Substance use disorder diagnosis' }).check();
    await dialog.getByLabel(/^Describe the information/).fill('My SUD diagnosis and my attendance at Riverbend');
    await dialog.getByLabel(/^Expires on/).fill(inDays(365));
    // Saving without a signature is refused, the box named.
    await dialog.getByRole('button', { name: 'Save the consent' }).click();
    await dialog.getByText('Ask the person to sign in the box.').waitFor();
    const canvas = dialog.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 30 + i * 15, box.y + 100 - Math.sin(i / 2) * 40, { steps: 2 });
    await page.mouse.up();
    await dialog.getByText('Signature drawn.').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the consent form');
    if (shots) await page.screenshot({ path: path.join(shots, 'consent-form-en.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Save the consent' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'My treating providers' });
    await row.getByText('Active').waitFor();
  });
  await step(page, 'the drawn signature is stored with the consent', async () => {
    const list = await page.evaluate(
      async (id) => (await (await fetch(`/api/patients/${id}/consents`)).json()) as { items: { id: string }[] },
      patients.en,
    );
    const consentId = list.items[0]?.id ?? '';
    const consent = await page.evaluate(
      async (id) => (await (await fetch(`/api/consents/${id}`)).json()) as { signatureImage: string },
      consentId,
    );
    assert.match(consent.signatureImage, /^data:image\/png;base64,/);
    assert.ok(consent.signatureImage.length > 500, 'a real drawing, not an empty canvas');
  });
  await step(page, 'a disclosure to a treating provider is allowed', async () => {
    const check = page.getByRole('region', { name: 'Before you share: check' });
    await check.getByLabel(/^Recipient/).fill('Eastside Family Clinic');
    await check.getByRole('button', { name: 'Check', exact: true }).click();
    await check.getByText(/Covered by the consent for/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the consents page');
    if (shots) await page.screenshot({ path: path.join(shots, 'consents-allowed-en.png'), fullPage: true });
    await check.getByLabel('What you are sending (optional)').fill('Attendance letter');
    await check.getByRole('button', { name: 'Record that I shared it' }).click();
    await check.getByText('42 CFR part 2 prohibits unauthorized use or disclosure of these records.').waitFor();
  });
  await step(page, 'at a glance on the chart', async () => {
    await page.getByRole('link', { name: 'Back to the chart' }).click();
    const glance = page.getByRole('region', { name: 'Consent status' });
    await glance.getByText('Active').waitFor();
    await glance.getByText(/My treating providers/).waitFor();
    await glance.getByRole('link', { name: 'Consents and disclosures' }).click();
  });
  await step(page, 'revoke it', async () => {
    await page.getByRole('button', { name: /^Revoke the consent for My treating providers/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Revoke the consent for/ });
    await dialog.getByLabel(/^How/).fill('Signed and dated note handed to me');
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'My treating providers' }).getByText('Revoked').waitFor();
  });
  await step(page, 'the same disclosure is now blocked, with the reason in plain words', async () => {
    const check = page.getByRole('region', { name: 'Before you share: check' });
    await check.getByLabel(/^Recipient/).fill('Eastside Family Clinic');
    await check.getByRole('button', { name: 'Check', exact: true }).click();
    await check.getByText('The person revoked the consent that covered this. Nothing more may be shared under it.').waitFor();
    await check.getByRole('button', { name: 'Record a consent now' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the blocked check');
    if (shots) await page.screenshot({ path: path.join(shots, 'consents-blocked-en.png'), fullPage: true });
  });
  await step(page, 'a medical emergency, documented without consent', async () => {
    await page.getByRole('button', { name: 'Medical emergency…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disclosure in a medical emergency' });
    await dialog.getByLabel(/^Medical personnel who received it/).fill('Dr. Imani Reyes');
    await dialog.getByLabel(/^Their facility/).fill('St. Luke’s Emergency Department');
    await dialog.getByRole('checkbox', { name: 'Medications, including for opioid use disorder' }).check();
    await dialog.getByLabel(/^Nature of the emergency/).fill('Unresponsive; the ED asked for the current methadone dose');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the emergency disclosure form');
    await dialog.getByRole('button', { name: 'Document the disclosure' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  await step(page, 'the accounting of disclosures lists it', async () => {
    await page.getByRole('link', { name: 'Accounting of disclosures' }).click();
    await page.getByRole('heading', { level: 1, name: /^Accounting of disclosures: / }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Dr. Imani Reyes' });
    await row.getByText('Medical emergency, without consent').waitFor();
    await page.getByRole('row').filter({ hasText: 'Eastside Family Clinic' }).getByText('Signed consent').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the accounting of disclosures');
    if (shots) await page.screenshot({ path: path.join(shots, 'accounting-en.png'), fullPage: true });
  });
  await step(page, 'the timeline tells what happened to the consent and what was shared', async () => {
    await page.goto(`${server.origin}/patients/${patients.en}`);
    await page.getByRole('link', { name: 'Timeline', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Timeline: Marisol Vega' }).waitFor();
    const list = page.getByRole('list', { name: 'Timeline' });
    const tpoRecipient = 'My treating providers, health plans, third-party payers and people helping to operate this program';
    const signed = `Consent signed for treatment, payment and operations: ${tpoRecipient}`;
    const revoked = new RegExp(`^Consent revoked on [A-Z][a-z]+ \\d{1,2}, \\d{4}: ${tpoRecipient}$`);
    const shared = 'Information disclosed to Eastside Family Clinic';
    const emergency = 'Information disclosed to Dr. Imani Reyes in a medical emergency';
    await list.getByRole('link', { name: emergency }).waitFor();
    // Newest first: the consent, what was shared under it, its revocation (the emergency disclosure is at the time it was given).
    const texts = (await list.getByRole('link').allInnerTexts()).filter((text) => /^(Consent|Information)/.test(text));
    const order = texts.filter((text) => text !== emergency);
    assert.equal(order.length, 3, JSON.stringify(texts));
    assert.match(order[0] ?? '', revoked);
    assert.deepEqual(order.slice(1), [shared, signed]);
    // The person signed and revoked it; the case manager recorded it. A disclosure is the case manager's own act.
    const entry = (text: string | RegExp) => list.getByRole('listitem').filter({ has: page.getByRole('link', { name: text }) });
    assert.match(await entry(signed).innerText(), /Consents · recorded by Rosa Delgado$/);
    assert.match(await entry(revoked).innerText(), /Consents · recorded by Rosa Delgado$/);
    assert.match(await entry(shared).innerText(), /Disclosures · by Rosa Delgado$/);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the timeline with consents and disclosures');
    if (shots) await page.screenshot({ path: path.join(shots, 'timeline-consents-en.png'), fullPage: true });
    // A disclosure opens the accounting of disclosures; a consent, the consents page.
    await list.getByRole('link', { name: emergency }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounting of disclosures: Marisol Vega' }).waitFor();
    await page.goBack();
    await list.getByRole('link', { name: signed }).click();
    await page.getByRole('heading', { level: 1, name: 'Consents and disclosures: Marisol Vega' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});

test('in Spanish: the consents page and the printable consent', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'es-US' });
  const page = await context.newPage();
  const breakage = watchForBreakage(page);
  await step(page, 'consents in Spanish', async () => {
    await signIn(page, people.es, 'Iniciar sesión', 'Hoy');
    await page.goto(`${server.origin}/patients/${patients.es}/consents`);
    await page.getByRole('heading', { level: 1, name: /^Consentimientos y divulgaciones: / }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Clínica Familiar del Este' }).getByText('Vigente').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish consents page');
    if (shots) await page.screenshot({ path: path.join(shots, 'consents-es.png'), fullPage: true });
  });
  await step(page, 'the printable consent, in the consent’s language', async () => {
    await page.getByRole('link', { name: 'Imprimir el consentimiento para Clínica Familiar del Este' }).click();
    await page.waitForURL(`**/consents/${spanishConsent}/print`);
    const document = page.locator('article[lang="es"]');
    await document
      .getByRole('heading', { name: 'Consentimiento para compartir expedientes del tratamiento por uso de sustancias' })
      .waitFor();
    await document.getByText(/Usted puede revocar \(retirar\) este consentimiento/).waitFor();
    await document.getByText(/no dependen de que usted firme/).waitFor();
    await document.getByText('Dado de palabra, con Lucía Romero como testigo').waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the printable consent');
    if (shots) await page.screenshot({ path: path.join(shots, 'consent-print-es.png'), fullPage: true });
  });
  await step(page, 'the timeline in Spanish', async () => {
    await page.goto(`${server.origin}/patients/${patients.es}`);
    await page.getByRole('link', { name: 'Cronología', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cronología: Joaquín Ibarra' }).waitFor();
    const list = page.getByRole('list', { name: 'Cronología' });
    const emergency = 'Información divulgada a Dra. Ana Ruiz en una emergencia médica';
    await list.getByRole('link', { name: emergency }).waitFor();
    const texts = (await list.getByRole('link').allInnerTexts()).filter((text) => /^(Consentimiento|Información|La persona)/.test(text));
    assert.deepEqual(
      texts.filter((text) => text !== emergency),
      [
        'Información divulgada a Clínica Familiar del Este',
        'La persona se negó a firmar un consentimiento para un destinatario: Centro Laboral Norte',
        'Consentimiento firmado para un destinatario: Clínica Familiar del Este',
      ],
    );
    const entry = (text: string) => list.getByRole('listitem').filter({ has: page.getByRole('link', { name: text, exact: true }) });
    assert.match(
      await entry('Consentimiento firmado para un destinatario: Clínica Familiar del Este').innerText(),
      /Consentimientos · registrado por Lucía Romero$/,
    );
    assert.match(await entry(emergency).innerText(), /Divulgaciones · por Lucía Romero$/);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the Spanish timeline');
    if (shots) await page.screenshot({ path: path.join(shots, 'timeline-consents-es.png'), fullPage: true });
    await list.getByRole('link', { name: emergency }).click();
    await page.getByRole('heading', { level: 1, name: 'Lista de divulgaciones: Joaquín Ibarra' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Dra. Ana Ruiz' }).waitFor();
  });
  assert.deepEqual(breakage, []);
  await context.close();
});
