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
