import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const caseManagerMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
await addMembership(t.db, org.id, program.id, caseManagerMade.user.id);
const caseManager = await signedIn(t.app, caseManagerMade);
const admin = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['admin'], mfa: true }));
const privacy = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['privacy-officer'], mfa: true }));

interface AuditPage {
  items: { action: string; recordType: string | null; recordName: string | null; patientName: string | null; actorName: string | null }[];
}

test('the audit trail names the patient, staff member or program a row is about, and filters by each', async () => {
  const patient = await caseManager.post<{ id: string }>('/api/patients', {
    legalFirstName: 'Marisol',
    legalLastName: 'Vega',
    preferredName: 'Mari',
    dateOfBirth: '1979-11-02',
  });
  assert.equal(patient.status, 201, JSON.stringify(patient.body));
  await caseManager.get(`/api/patients/${patient.body.id}`);
  const created = await admin.post<{ id: string }>('/api/programs', { name: 'Riverbend MOUD', caseManagementModel: 'broker-generalist' });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const hers = await privacy.get<AuditPage>(`/api/audit-events?patientId=${patient.body.id}`);
  assert.equal(hers.status, 200);
  assert.ok(hers.body.items.length >= 2);
  assert.ok(hers.body.items.every((row) => row.patientName === 'Mari Vega' && row.actorName === 'Rosa Delgado'));
  const programs = await privacy.get<AuditPage>(`/api/audit-events?recordType=program&recordId=${created.body.id}`);
  assert.deepEqual(
    programs.body.items.map((row) => [row.action, row.recordName]),
    [['create', 'Riverbend MOUD']],
  );
  const rosas = await privacy.get<AuditPage>(`/api/audit-events?actorUserId=${caseManagerMade.user.id}`);
  assert.ok(rosas.body.items.length > 0 && rosas.body.items.every((row) => row.actorName === 'Rosa Delgado'));
});

test('paging the trail with a cursor: no gaps, no duplicates, even for rows written in the same instant', async () => {
  const at = new Date('2026-01-15T12:00:00.000Z');
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const id = crypto.randomUUID();
    ids.push(id);
    await t.db
      .insertInto('auditEvents')
      .values({ id, organizationId: org.id, action: 'read', recordType: 'paging-probe', occurredAt: at, details: '{}' })
      .execute();
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/audit-events?recordType=paging-probe&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await privacy.get<{ items: { id: string }[]; nextCursor: string | null }>(url);
    seen.push(...page.body.items.map((row) => row.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, [...ids].reverse());
});

test('the trail as CSV: same filters, a download never cached, and one export row with the filter names and the count', async () => {
  const requestId = 'audit-export-1';
  const response = await privacy.request(
    'GET',
    `/api/audit-events/export?actorUserId=${caseManagerMade.user.id}&action=create`,
    undefined,
    {
      headers: { 'x-request-id': requestId },
    },
  );
  assert.equal(response.status, 200, response.raw.body);
  assert.match(String(response.headers['content-type']), /^text\/csv/);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.equal(response.headers['cache-control'], 'no-store');
  const lines = response.raw.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.match(lines[0] ?? '', /^occurred_at,action,who,who_id,/);
  assert.ok(lines.length >= 2);
  assert.ok(lines.slice(1).every((line) => line.includes(',create,Rosa Delgado,')));
  const rows = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'recordType', 'details'])
    .where('requestId', '=', requestId)
    .execute();
  assert.deepEqual(rows, [
    {
      action: 'export',
      recordType: 'audit-log',
      details: { filters: ['action', 'actorUserId'], rows: lines.length - 1, truncated: false },
    },
  ]);
  assert.equal((await caseManager.get('/api/audit-events/export')).status, 403);
});

test('the audit search picks a staff member from names only, and a patient from a names-only lookup that is audited', async () => {
  const staff = await privacy.get<{ items: { id: string; name: string; active: boolean }[] }>('/api/audit-events/staff');
  assert.equal(staff.status, 200);
  const rosa = staff.body.items.find((item) => item.id === caseManagerMade.user.id);
  assert.deepEqual(rosa, { id: caseManagerMade.user.id, name: 'Rosa Delgado', active: true });
  assert.deepEqual(Object.keys(staff.body.items[0] ?? {}).sort(), ['active', 'id', 'name']);
  assert.equal((await caseManager.get('/api/audit-events/staff')).status, 403);

  const requestId = 'audit-lookup-1';
  const found = await privacy.request<{ items: { id: string; name: string; legalName: string }[] }>(
    'GET',
    '/api/audit-events/patients?name=vega',
    undefined,
    { headers: { 'x-request-id': requestId } },
  );
  assert.equal(found.status, 200, JSON.stringify(found.body));
  assert.ok(found.body.items.some((item) => item.name === 'Mari Vega' && item.legalName === 'Marisol Vega'));
  const audit = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'recordType', 'details'])
    .where('requestId', '=', requestId)
    .execute();
  assert.deepEqual(audit, [
    { action: 'read', recordType: 'patient-lookup', details: { purpose: 'audit-search', matches: found.body.items.length } },
  ]);
  assert.equal((await caseManager.get('/api/audit-events/patients?name=vega')).status, 403);
  assert.equal((await privacy.get('/api/audit-events/patients?name=v')).status, 400);
});
