import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, type Response, type TestClient } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { addDays, startOfDayInZone, todayIn } from '../../lib/dates.ts';
import { newId } from '../../lib/ids.ts';
import { TINY_SIGNATURE } from './access-fixtures.ts';

/**
 * The privacy officer's org-wide screens (docs/privacy-office.md): the disclosures log, consents
 * expiring soon, the emergency disclosures with their review, the landing page's counts, and a
 * CSV export of each, itself audited. Only `disclosures:review` (the privacy officer) may; other
 * organizations' rows never show; paging has no gaps or duplicates on equal timestamps.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db, { timeZone: 'America/Chicago' });
const otherOrg = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
await addMembership(t.db, org.id, program.id, cmMade.user.id);
const cm = await signedIn(t.app, cmMade);
const officer = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['privacy-officer'] }));
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'] }));
const otherCmMade = await makeUser(t.db, otherOrg.id, { roles: ['case-manager'] });
const otherOfficer = await signedIn(t.app, await makeUser(t.db, otherOrg.id, { roles: ['privacy-officer'] }));

const consentBody = (recipientName: string, expiresOn: string) => ({
  kind: 'specific',
  disclosingParty: 'Riverbend Recovery Services',
  recipientKind: 'named',
  recipientName,
  informationKinds: ['attendance'],
  informationDescription: 'Whether I attend treatment',
  purposes: ['care-coordination'],
  expirationKind: 'date',
  expiresOn,
  language: 'en',
  signatureMethod: 'drawn',
  signatureImage: TINY_SIGNATURE,
  signer: 'patient',
  signedOn: today,
});

async function newPatient(first = 'Marisol', last = 'Vega') {
  return (await makePatient(t.db, org.id, cmMade.user.id, { legalFirstName: first, legalLastName: last })).id;
}

/** An emergency disclosure written straight into the table, at an exact instant. */
async function emergencyRow(organizationId: string, patientId: string, disclosedBy: string, at: string, recipientName = 'Dr. Imani Reyes') {
  const id = newId();
  await t.db
    .insertInto('disclosures')
    .values({
      id,
      organizationId,
      patientId,
      basis: 'medical-emergency',
      recipientName,
      recipientAffiliation: 'St. Luke’s Emergency Department',
      recipientClass: 'treating-provider',
      informationKinds: ['medications'],
      purpose: 'medical-emergency',
      emergencyNature: 'Overdose',
      disclosedBy,
      disclosedAt: new Date(at),
    })
    .execute();
  return id;
}

let requests = 0;
async function exported(client: TestClient, url: string): Promise<{ response: Response; text: string; audit: Record<string, unknown>[] }> {
  const requestId = `privacy-export-${(requests += 1)}`;
  const response = await client.request('GET', url, undefined, { headers: { 'x-request-id': requestId } });
  const audit = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'recordType', 'details'])
    .where('requestId', '=', requestId)
    .execute();
  return { response, text: response.raw.body, audit };
}

function assertDownload(response: Response, filename: RegExp) {
  assert.equal(response.status, 200, response.raw.body);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename="/);
  assert.match(String(response.headers['content-disposition']), filename);
  assert.equal(response.headers['cache-control'], 'no-store');
}

test('only the privacy officer may open these lists; a case manager and an admin get 403', async () => {
  const urls = [
    '/api/disclosures',
    '/api/disclosures/export',
    '/api/consents/expiring',
    '/api/consents/expiring/export',
    '/api/emergency-disclosures',
    '/api/emergency-disclosures/export',
    '/api/privacy-office/summary',
  ];
  for (const url of urls) {
    assert.equal((await cm.get(url)).status, 403, `case manager ${url}`);
    assert.equal((await admin.get(url)).status, 403, `admin ${url}`);
    assert.equal((await officer.get(url)).status, 200, `privacy officer ${url}`);
  }
});

test('the disclosures log: whose, what, to whom, under which consent, by whom; filters; no other organization', async () => {
  const patientId = await newPatient('Joaquín', 'Ibarra');
  const consent = await cm.post<{ id: string }>(
    `/api/patients/${patientId}/consents`,
    consentBody('Hope Street Housing', addDays(today, 90)),
  );
  assert.equal(consent.status, 201, JSON.stringify(consent.body));
  const made = await cm.post<{ disclosure: { id: string } }>(`/api/patients/${patientId}/disclosures`, {
    recipientName: 'Hope Street Housing',
    recipientClass: 'other',
    informationKinds: ['attendance'],
    purpose: 'care-coordination',
    description: 'Letter by secure fax',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const theirs = (await makePatient(t.db, otherOrg.id, otherCmMade.user.id)).id;
  const foreign = await emergencyRow(otherOrg.id, theirs, otherCmMade.user.id, new Date().toISOString(), 'Hope Street Housing');

  interface Item {
    id: string;
    basis: string;
    patientName: string;
    recipientName: string;
    disclosedBy: { name: string };
    consent: { id: string; kind: string } | null;
  }
  const log = await officer.get<{ items: Item[] }>('/api/disclosures?recipient=hope%20street');
  assert.equal(log.status, 200, JSON.stringify(log.body));
  const item = log.body.items.find((row) => row.id === made.body.disclosure.id);
  assert.ok(item, 'the disclosure is in the log');
  assert.equal(item.patientName, 'Joaquín Ibarra');
  assert.equal(item.disclosedBy.name, 'Rosa Delgado');
  assert.deepEqual(item.consent && [item.consent.id, item.consent.kind], [consent.body.id, 'specific']);
  assert.ok(!log.body.items.some((row) => row.id === foreign), 'another organization’s disclosure is not shown');

  const emergencies = await officer.get<{ items: Item[] }>('/api/disclosures?basis=medical-emergency&recipient=hope');
  assert.deepEqual(emergencies.body.items, []);
  // Days are the organization's: today's disclosure is inside [today, today], outside [yesterday, yesterday].
  const inToday = await officer.get<{ items: Item[] }>(`/api/disclosures?from=${today}&to=${today}&recipient=hope`);
  assert.deepEqual(
    inToday.body.items.map((row) => row.id),
    [made.body.disclosure.id],
  );
  const yesterday = addDays(today, -1);
  const inYesterday = await officer.get<{ items: Item[] }>(`/api/disclosures?from=${yesterday}&to=${yesterday}&recipient=hope`);
  assert.deepEqual(inYesterday.body.items, []);
  const backwards = await officer.get<{ errors: { path: string }[] }>(`/api/disclosures?from=${today}&to=${yesterday}`);
  assert.equal(backwards.status, 400);
  assert.equal(backwards.body.errors[0]?.path, '/query/to');
  // The read is audited with the ids shown, codes only.
  const read = await t.db
    .selectFrom('auditEvents')
    .select('details')
    .where('recordType', '=', 'disclosure-log')
    .where('action', '=', 'read')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual((read.details as { filters: string[] }).filters, ['recipient', 'to', 'from'].sort());
});

test('paging the log: equal timestamps, no gaps, no duplicates', async () => {
  const patientId = await newPatient();
  // Same instant, microseconds included (a cursor through a JS Date would lose them).
  const at = `${addDays(today, -3)}T15:00:00.123456Z`;
  const ids = [];
  for (let i = 0; i < 7; i += 1) ids.push(await emergencyRow(org.id, patientId, cmMade.user.id, at, 'Paging General'));
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `/api/disclosures?recipient=paging%20general&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await officer.get<{ items: { id: string }[]; nextCursor: string | null }>(query);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    seen.push(...page.body.items.map((row) => row.id));
    cursor = page.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  assert.equal(pages, 3);
  assert.equal(new Set(seen).size, seen.length, 'no duplicates');
  assert.deepEqual([...seen].sort(), [...ids].sort(), 'no gaps');
  assert.equal((await officer.get('/api/disclosures?cursor=nonsense')).status, 400);
});

test('the disclosures log as CSV: a download, never cached, with one export audit row (filter names, row count)', async () => {
  const patientId = await newPatient('=Ana', 'Formula');
  await emergencyRow(org.id, patientId, cmMade.user.id, new Date().toISOString(), 'CSV County Hospital');
  const { response, text, audit } = await exported(officer, '/api/disclosures/export?recipient=csv%20county&basis=medical-emergency');
  assertDownload(response, /^attachment; filename="disclosures-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.match(lines[0] ?? '', /^disclosed_at,patient,basis,recipient,/);
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? '', /,'=Ana Formula,medical-emergency,CSV County Hospital,/);
  assert.equal(response.headers['x-export-rows'], '1');
  assert.deepEqual(audit, [
    { action: 'export', recordType: 'disclosure-log', details: { filters: ['basis', 'recipient'], rows: 1, truncated: false } },
  ]);
});

test('consents expiring soon: in effect, by date, within the days asked (default 30), soonest first; CSV audited', async () => {
  const patientId = await newPatient('Lucía', 'Expira');
  const soon = await cm.post<{ id: string }>(
    `/api/patients/${patientId}/consents`,
    consentBody('County Adult Probation', addDays(today, 10)),
  );
  const later = await cm.post<{ id: string }>(`/api/patients/${patientId}/consents`, consentBody('Northside Staffing', addDays(today, 40)));
  const revoked = await cm.post<{ id: string; version: number }>(
    `/api/patients/${patientId}/consents`,
    consentBody('Revoked Recipient', addDays(today, 5)),
  );
  assert.equal(
    (await cm.post(`/api/consents/${revoked.body.id}/end`, { version: 1, reason: 'revoked', endedOn: today, method: 'Signed note' }))
      .status,
    200,
  );
  interface Expiring {
    items: { id: string; patientName: string; recipientName: string; daysLeft: number; expiresOn: string; kind: string }[];
  }
  const mine = (body: Expiring) => body.items.filter((row) => row.patientName === 'Lucía Expira');
  const within30 = await officer.get<Expiring>('/api/consents/expiring');
  assert.equal(within30.status, 200);
  assert.deepEqual(
    mine(within30.body).map((row) => [row.id, row.recipientName, row.daysLeft, row.kind]),
    [[soon.body.id, 'County Adult Probation', 10, 'specific']],
  );
  const within60 = await officer.get<Expiring>('/api/consents/expiring?withinDays=60');
  assert.deepEqual(
    mine(within60.body).map((row) => row.id),
    [soon.body.id, later.body.id],
  );
  assert.equal((await officer.get('/api/consents/expiring?withinDays=366')).status, 400);
  assert.ok(!(await otherOfficer.get<Expiring>('/api/consents/expiring?withinDays=365')).body.items.some((r) => r.id === soon.body.id));

  const { response, text, audit } = await exported(officer, '/api/consents/expiring/export?withinDays=60');
  assertDownload(response, /consents-expiring-60-days-/);
  assert.match(text, new RegExp(`${addDays(today, 10)},10,Lucía Expira,County Adult Probation,specific,`));
  assert.equal(audit.length, 1);
  assert.equal(audit[0]?.action, 'export');
  assert.equal(audit[0]?.recordType, 'expiring-consents');
  assert.deepEqual((audit[0]?.details as { filters: string[] }).filters, ['withinDays']);
  assert.equal((audit[0]?.details as { rows: number }).rows, Number(response.headers['x-export-rows']));
});

test('an emergency disclosure is reviewed with a finding: 409 on a stale version, 404 elsewhere, 403 without the permission', async () => {
  const patientId = await newPatient('Mateo', 'Urgencia');
  const made = await cm.post<{ id: string; version: number }>(`/api/patients/${patientId}/emergency-disclosures`, {
    recipientName: 'Dr. Imani Reyes',
    recipientAffiliation: 'St. Luke’s Emergency Department',
    informationKinds: ['medications', 'sud-diagnosis'],
    emergencyNature: 'Unresponsive after suspected overdose',
    disclosedAt: new Date().toISOString(),
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const url = `/api/emergency-disclosures/${made.body.id}/review`;
  interface Reviewed {
    id: string;
    version: number;
    reviewFinding: string;
    reviewNote: string | null;
    reviewedBy: { name: string } | null;
  }
  const awaiting = await officer.get<{ items: { id: string; version: number }[] }>('/api/emergency-disclosures');
  assert.ok(awaiting.body.items.some((row) => row.id === made.body.id));

  assert.equal((await cm.post(url, { version: 1, finding: 'appropriate' })).status, 403);
  assert.equal((await admin.post(url, { version: 1, finding: 'appropriate' })).status, 403);
  assert.equal((await otherOfficer.post(url, { version: 1, finding: 'appropriate' })).status, 404);
  const noNote = await officer.post<{ errors: { path: string }[] }>(url, { version: 1, finding: 'needs-follow-up' });
  assert.equal(noNote.status, 400);
  assert.equal(noNote.body.errors[0]?.path, '/note');
  assert.equal((await officer.post(url, { version: 1, finding: 'maybe' })).status, 400);

  const requestId = 'privacy-review-1';
  const reviewed = await officer.request<Reviewed>(
    'POST',
    url,
    { version: 1, finding: 'needs-follow-up', note: 'Ask Rosa to add the ED’s callback number' },
    { headers: { 'x-request-id': requestId } },
  );
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  assert.equal(reviewed.body.reviewFinding, 'needs-follow-up');
  assert.equal(reviewed.body.version, 2);
  assert.ok(reviewed.body.reviewedBy);
  const row = await t.db.selectFrom('auditEvents').selectAll().where('requestId', '=', requestId).executeTakeFirstOrThrow();
  assert.equal(row.action, 'update');
  assert.equal(row.patientId, patientId);
  assert.deepEqual(row.details, { review: 'needs-follow-up', previous: null });

  const stale = await officer.post<{ currentVersion: number }>(url, { version: 1, finding: 'appropriate' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.currentVersion, 2);
  const again = await officer.post<Reviewed>(url, { version: 2, finding: 'appropriate' });
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.reviewNote, null);

  const queue = await officer.get<{ items: { id: string }[] }>('/api/emergency-disclosures');
  assert.ok(!queue.body.items.some((item) => item.id === made.body.id), 'no longer awaiting review');
  const done = await officer.get<{ items: { id: string; reviewFinding: string }[] }>('/api/emergency-disclosures?status=reviewed');
  assert.equal(done.body.items.find((item) => item.id === made.body.id)?.reviewFinding, 'appropriate');
  // A disclosure made with consent is not an emergency disclosure: nothing to review.
  const patient2 = await newPatient();
  await cm.post(`/api/patients/${patient2}/consents`, consentBody('Eastside Clinic', addDays(today, 90)));
  const plain = await cm.post<{ disclosure: { id: string } }>(`/api/patients/${patient2}/disclosures`, {
    recipientName: 'Eastside Clinic',
    recipientClass: 'other',
    informationKinds: ['attendance'],
    purpose: 'care-coordination',
  });
  assert.equal(
    (await officer.post(`/api/emergency-disclosures/${plain.body.disclosure.id}/review`, { version: 1, finding: 'appropriate' })).status,
    404,
  );

  const { response, text, audit } = await exported(officer, '/api/emergency-disclosures/export?status=reviewed');
  assertDownload(response, /emergency-disclosures-reviewed-/);
  assert.match(text, /Mateo Urgencia,Dr\. Imani Reyes,St\. Luke’s Emergency Department,medications sud-diagnosis,/);
  assert.deepEqual(
    audit.map((entry) => [entry.action, entry.recordType, (entry.details as { filters: string[] }).filters]),
    [['export', 'emergency-disclosures', ['status']]],
  );
});

test('the landing page’s counts: awaiting review, expiring in 30 days, disclosures this month', async () => {
  const before = await officer.get<{ emergencyAwaitingReview: number; consentsExpiringSoon: number; disclosuresThisMonth: number }>(
    '/api/privacy-office/summary',
  );
  assert.equal(before.status, 200);
  const patientId = await newPatient();
  await emergencyRow(org.id, patientId, cmMade.user.id, new Date().toISOString());
  // Before the first day of this month, in the organization's time zone: not this month.
  await emergencyRow(
    org.id,
    patientId,
    cmMade.user.id,
    new Date(Date.parse(startOfDayInZone(`${today.slice(0, 8)}01`, org.timeZone)) - 1000).toISOString(),
  );
  await cm.post(`/api/patients/${patientId}/consents`, consentBody('Counted Recipient', addDays(today, 30)));
  const after = await officer.get<typeof before.body>('/api/privacy-office/summary');
  assert.equal(after.body.emergencyAwaitingReview, before.body.emergencyAwaitingReview + 2);
  assert.equal(after.body.disclosuresThisMonth, before.body.disclosuresThisMonth + 1);
  assert.equal(after.body.consentsExpiringSoon, before.body.consentsExpiringSoon + 1);
});
