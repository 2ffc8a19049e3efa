import assert from 'node:assert/strict';
import { globSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../src/codes.ts';
import { todayIn } from '../../src/lib/dates.ts';
import { buildRegistry } from '../../src/lib/modules.ts';
import { modules } from '../../src/modules/index.ts';
import type { AccessWorld, MakeAccessRecords } from '../support/access-world.ts';
import { startTestApp } from '../support/app.ts';
import { signedIn, type TestClient } from '../support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../support/factories.ts';
import { sampleFromSchema } from '../support/sample-body.ts';

/**
 * The access, tenancy and audit matrix, generated from the OpenAPI document: every route that
 * addresses a record of patient data by id — today's and any a module adds later — is called
 * by people who may not see the patient. Each must answer 404, write nothing, and leave an
 * access-denied audit row for that very request; the person who may see it reads it with one
 * read row. A route with an id that is neither patient data (a registered kind with an API
 * path, src/lib/modules.ts) nor listed below as something else fails the test the day it exists.
 */
const NOT_PATIENT_DATA = [
  '/api/sessions/{id}',
  '/api/programs/{id}',
  '/api/users/{id}',
  '/api/invitations/{token}',
  '/api/api-keys/{id}',
  // A registration waiting for review is not yet anyone's record: supervisors and its requester
  // see it (src/modules/patients/reviews.ts, tested there).
  '/api/registration-reviews/{id}',
  // Instrument definitions and stateless scoring: no patient in them (src/modules/instruments).
  '/api/instruments/{key}',
  // A break-the-glass event: its holder ends it, the privacy officer reviews it; both checked by
  // owner or permission, never by the chart (src/modules/emergency-access, tested there).
  '/api/emergency-access/{id}',
  // The privacy officer's finding on a § 2.51 emergency disclosure: they may not see the chart,
  // so the route checks the permission 'disclosures:review' and the organization, not the care
  // team; others get 403, other organizations 404 (src/modules/consents/privacy.test.ts).
  '/api/emergency-disclosures/{id}',
];

/**
 * Patient routes that people outside the care team call by design, so they do not answer the
 * outsiders' 404. Each is proven by its own module's tests: a stranger patient id is 404 and
 * audited, a non-clinical role 403, a wrong password an audited denial.
 */
const OUTSIDERS_CALL_BY_DESIGN = [
  // Break-the-glass itself: a clinician outside the team opens the chart (src/modules/emergency-access).
  'POST /api/patients/{id}/emergency-access',
];

const t = await startTestApp();
const registry = buildRegistry(modules);
const org = await makeOrganization(t.db);
const otherOrg = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);

const ownerMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
await addMembership(t.db, org.id, program.id, ownerMade.user.id);
const world: AccessWorld = {
  owner: await signedIn(t.app, ownerMade),
  ownerId: ownerMade.user.id,
  programId: program.id,
  today,
  ids: new Map(),
};
const root = path.join(import.meta.dirname, '../..');
for (const module of registry.modules) {
  const [file] = globSync(`src/modules/${module.name}/access-fixtures.ts`, { cwd: root });
  if (file) await ((await import(path.join(root, file))) as { makeAccessRecords: MakeAccessRecords }).makeAccessRecords(world);
}

async function outsider(label: string, roles: Role[], options: { otherOrg?: boolean; inProgram?: boolean } = {}) {
  const made = await makeUser(t.db, options.otherOrg ? otherOrg.id : org.id, { roles });
  if (options.inProgram) await addMembership(t.db, org.id, program.id, made.user.id);
  return { label, client: await signedIn(t.app, made) };
}
const outsiders = [
  await outsider('a case manager of the program, not on the team', ['case-manager'], { inProgram: true }),
  await outsider('a case manager of another organization', ['case-manager'], { otherOrg: true }),
  await outsider('an admin of the program', ['admin'], { inProgram: true }),
  await outsider('a privacy officer', ['privacy-officer']),
];

interface Operation {
  requestBody?: { content?: { 'application/json'?: { schema?: Record<string, unknown> } } };
}
const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
const routes = Object.entries(document.paths).flatMap(([route, operations]) =>
  Object.entries(operations).map(([method, operation]) => ({ route, method: method.toUpperCase(), operation })),
);
const addressed = routes.filter(({ route }) => /\{[a-z]+\}/i.test(route));

function kindOf(route: string) {
  return registry.patientRecords.find((kind) => kind.path && (route === `${kind.path}/{id}` || route.startsWith(`${kind.path}/{id}/`)));
}

/** Every table of patient data, as text: a refused request must leave it exactly as it was. */
async function fingerprint(): Promise<string> {
  const parts = await Promise.all(
    registry.patientRecords.map(async (kind) => {
      const result = await sql<{
        digest: string;
      }>`SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) AS digest FROM ${sql.table(kind.table)} t`.execute(t.db);
      return `${kind.table}:${result.rows[0]?.digest ?? ''}`;
    }),
  );
  return parts.join(' ');
}

async function auditOf(requestId: string) {
  return t.db.selectFrom('auditEvents').select(['action', 'patientId', 'recordType']).where('requestId', '=', requestId).execute();
}

let counter = 0;
async function call(client: TestClient, method: string, route: string, id: string, operation: Operation) {
  const requestId = `route-matrix-${(counter += 1)}`;
  const body = sampleFromSchema(operation.requestBody?.content?.['application/json']?.schema, today);
  const response = await client.request(
    method,
    route.replace('{id}', id),
    method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
    {
      headers: { 'x-request-id': requestId },
    },
  );
  return { response, requestId };
}

test('every route with an id is either patient data under the access check or declared as something else', () => {
  const unknown = addressed.filter(
    ({ route }) => !kindOf(route) && !NOT_PATIENT_DATA.includes(route.replace(/\/[a-z-]+$/, '')) && !NOT_PATIENT_DATA.includes(route),
  );
  assert.deepEqual(
    unknown.map(({ method, route }) => `${method} ${route}`),
    [],
    'register the kind of record these routes address (a module’s patientRecords), or list them in NOT_PATIENT_DATA',
  );
  for (const kind of registry.patientRecords.filter((kind) => kind.path)) {
    assert.ok(world.ids.has(kind.recordType), `no access fixture made a ${kind.recordType} (src/modules/<module>/access-fixtures.ts)`);
  }
});

test('people who may not see the patient get 404 on every patient route, nothing is written, and each request is audited as denied', async () => {
  const patientRoutes = addressed.filter(({ route, method }) => kindOf(route) && !OUTSIDERS_CALL_BY_DESIGN.includes(`${method} ${route}`));
  assert.ok(patientRoutes.length >= 14, `only ${patientRoutes.length} patient routes found`);
  for (const { route, method, operation } of patientRoutes) {
    const kind = kindOf(route);
    const id = world.ids.get(kind?.recordType ?? '') ?? '';
    for (const { label, client } of outsiders) {
      const before = await fingerprint();
      const { response, requestId } = await call(client, method, route, id, operation);
      const what = `${method} ${route} by ${label}`;
      assert.equal(response.status, 404, `${what}: ${JSON.stringify(response.body)}`);
      assert.equal(await fingerprint(), before, `${what} changed patient data`);
      const rows = await auditOf(requestId);
      assert.ok(
        rows.some((row) => row.action === 'access-denied'),
        `${what}: no access-denied audit row (${JSON.stringify(rows)})`,
      );
    }
  }
});

test('the person who may see the patient reads every record with one read row naming the patient', async () => {
  const patientId = world.ids.get('patient');
  for (const { route, method, operation } of addressed.filter((entry) => entry.method === 'GET' && kindOf(entry.route))) {
    const id = world.ids.get(kindOf(route)?.recordType ?? '') ?? '';
    const { response, requestId } = await call(world.owner, method, route, id, operation);
    assert.equal(response.status, 200, `${method} ${route}: ${JSON.stringify(response.body)}`);
    const reads = (await auditOf(requestId)).filter((row) => row.action === 'read');
    assert.equal(reads.length, 1, `${method} ${route}: ${JSON.stringify(reads)}`);
    assert.equal(reads[0]?.patientId, patientId, `${method} ${route}`);
  }
});

test('with break-the-glass, a case manager outside the team reads every record, each audit row about the patient marked as emergency access', async () => {
  const patientId = world.ids.get('patient') ?? '';
  const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  await addMembership(t.db, org.id, program.id, made.user.id);
  const responder = await signedIn(t.app, made);
  const before = await responder.get(`/api/patients/${patientId}`);
  assert.equal(before.status, 404, 'not on the team: closed before breaking the glass');
  const grant = await responder.post<{ id: string }>(`/api/patients/${patientId}/emergency-access`, {
    reason: 'Covering the on-call phone: the hospital needs current medications',
    currentPassword: made.password,
  });
  assert.equal(grant.status, 201, JSON.stringify(grant.body));
  const reads = addressed.filter((entry) => entry.method === 'GET' && kindOf(entry.route));
  assert.ok(reads.length >= 10, `only ${reads.length} patient GET routes found`);
  for (const { route, method, operation } of reads) {
    const id = world.ids.get(kindOf(route)?.recordType ?? '') ?? '';
    const { response, requestId } = await call(responder, method, route, id, operation);
    assert.equal(response.status, 200, `${method} ${route}: ${JSON.stringify(response.body)}`);
    const rows = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'patientId', 'details'])
      .where('requestId', '=', requestId)
      .execute();
    const about = rows.filter((row) => row.patientId === patientId);
    assert.ok(about.length > 0, `${method} ${route}: no audit row names the patient (${JSON.stringify(rows)})`);
    for (const row of about) {
      assert.equal(row.details.emergencyAccessId, grant.body.id, `${method} ${route}: ${JSON.stringify(row)}`);
    }
  }
  assert.equal((await responder.post(`/api/emergency-access/${grant.body.id}/end`)).status, 200);
  assert.equal((await responder.get(`/api/patients/${patientId}`)).status, 404, 'closed again once ended');
});
