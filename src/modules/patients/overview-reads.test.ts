import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../../../test/support/factories.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { buildRegistry } from '../../lib/modules.ts';
import { modules } from '../index.ts';
import { loadSections, presentPatient } from './presenter.ts';

// Every statement the server's pooled connections send, while `counting` (each one is a loopback
// round trip: docs/performance.md, "Under load"). Installed before the app opens a connection.
const sent: string[] = [];
let counting = false;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const client = pg.Client.prototype as unknown as { query: Query };
const query = client.query;
client.query = function (this: pg.Client, ...args: unknown[]) {
  const [config] = args;
  if (counting) sent.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
  return query.apply(this, args);
};

const t = await startTestApp();
const org = await makeOrganization(t.db, { timeZone: 'America/Chicago' });
const program = await makeProgram(t.db, org.id, { name: 'Outpatient CM' });
const rosa = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
const luis = await makeUser(t.db, org.id, { roles: ['community-health-worker'], displayName: 'Luis Ibarra' });
for (const person of [rosa, luis]) await addMembership(t.db, org.id, program.id, person.user.id);
const rosaClient = await signedIn(t.app, rosa);
const luisClient = await signedIn(t.app, luis);

interface Overview {
  id: string;
  version: number;
  episodes: { id: string }[];
}

const registered = await luisClient.post<Overview>('/api/patients', {
  legalFirstName: 'Marisol',
  legalLastName: 'Quintero Ruiz',
  preferredName: 'Mari',
  dateOfBirth: '1988-09-02',
  raceEthnicity: ['asian', 'white'],
  preferredLanguage: 'es',
  interpreterNeeded: true,
  phones: [
    { number: '(555) 301-1122', kind: 'mobile', consentToText: true, voicemailSafe: false },
    { number: '(555) 301-3344', kind: 'home', consentToText: false, voicemailSafe: true },
  ],
  identifiers: [
    { system: 'mrn', value: 'MRN-55120', label: 'County clinic' },
    { system: 'medicaid', value: 'MC-88231' },
  ],
  coverages: [
    { kind: 'medicaid', payerName: 'State Medicaid', memberId: 'MC-88231', startDate: '2025-01-01' },
    { kind: 'private', payerName: 'Acme Health', memberId: 'A-7', startDate: '2023-03-01', endDate: '2024-12-31' },
  ],
});
assert.equal(registered.status, 201, JSON.stringify(registered.body));
const patientId = registered.body.id;
const opened = await luisClient.post<{ id: string }>(`/api/patients/${patientId}/episodes`, {
  programId: program.id,
  referralSource: 'emergency-department',
  referralDate: '2026-01-02',
  openedOn: '2026-01-05',
  phase: 'intake',
  primaryCaseManagerId: rosa.user.id,
});
assert.equal(opened.status, 201, JSON.stringify(opened.body));
const episodeId = opened.body.id;
for (const placement of [
  { levelEdition: 'asam-3', levelCode: '2.1', startDate: '2026-01-05', providerName: 'Riverbend IOP' },
  { levelEdition: 'other', levelCode: 'obot', startDate: '2026-01-10', concurrent: true, note: 'Buprenorphine at the clinic' },
]) {
  const placed = await rosaClient.post(`/api/episodes/${episodeId}/placements`, placement);
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
}

test('the overview (one statement for the patient and its lists) answers what presentPatient and the sections answer', async () => {
  const read = await rosaClient.get<Overview>(`/api/patients/${patientId}`);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const row = await t.db.selectFrom('patients').selectAll().where('id', '=', patientId).executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: rosa.user.id,
    organizationId: org.id,
    timeZone: 'America/Chicago',
    email: rosa.user.email,
    displayName: 'Rosa Delgado',
    roles: ['case-manager'],
    locale: 'en',
    sessionId: null,
    apiKeyId: null,
    apiKeyCreatedBy: null,
  };
  const ctx: RequestContext = { actor, requestId: 'test', ip: null, userAgent: null };
  const expected = {
    ...(await presentPatient(t.db, row)),
    ...(await loadSections(t.db, ctx, buildRegistry(modules).overviewSections, patientId)),
  };
  // Byte for byte, key order included (the answer as the API serialized it, parsed and written again).
  assert.equal(JSON.stringify(read.body), JSON.stringify(JSON.parse(JSON.stringify(expected))));
  const overview = read.body as unknown as Record<string, unknown>;
  assert.deepEqual(overview.phones, [
    { number: '(555) 301-1122', kind: 'mobile', consentToText: true, voicemailSafe: false },
    { number: '(555) 301-3344', kind: 'home', consentToText: false, voicemailSafe: true },
  ]);
  assert.deepEqual(overview.identifiers, [
    { system: 'medicaid', value: 'MC-88231', label: null },
    { system: 'mrn', value: 'MRN-55120', label: 'County clinic' },
  ]);
  assert.deepEqual(overview.coverages, [
    { kind: 'medicaid', payerName: 'State Medicaid', memberId: 'MC-88231', startDate: '2025-01-01', endDate: null },
    { kind: 'private', payerName: 'Acme Health', memberId: 'A-7', startDate: '2023-03-01', endDate: '2024-12-31' },
  ]);
  assert.deepEqual(overview.episodes, [
    {
      id: episodeId,
      programId: program.id,
      programName: 'Outpatient CM',
      phase: 'intake',
      openedOn: '2026-01-05',
      closedOn: null,
      currentLevel: { edition: 'asam-3', code: '2.1' },
      currentLevels: [
        { edition: 'asam-3', code: '2.1', concurrent: false, note: null },
        { edition: 'other', code: 'obot', concurrent: true, note: 'Buprenorphine at the clinic' },
      ],
      primaryCaseManager: { userId: rosa.user.id, displayName: 'Rosa Delgado' },
      careTeam: (overview.episodes as { careTeam: unknown[] }[])[0]?.careTeam,
    },
  ]);
  const team = (overview.episodes as { careTeam: { name: string; role: string; external: boolean }[] }[])[0]?.careTeam ?? [];
  assert.deepEqual(team.map((member) => member.name).sort(), ['Luis Ibarra', 'Rosa Delgado']);
  assert.ok(team.some((member) => member.role === 'primary-case-manager' && member.name === 'Rosa Delgado'));
});

// Statements one overview sends (each a loopback round trip), with the session read, the access
// check, the audit row and COMMIT: 24 before they were cut (docs/performance.md, "Under load").
const OVERVIEW_STATEMENTS = 16;

test('a patient overview is read in few statements: the lists of the patient and of its episodes one statement each', async () => {
  sent.length = 0;
  counting = true;
  const read = await rosaClient.get<Overview>(`/api/patients/${patientId}`);
  counting = false;
  assert.equal(read.status, 200);
  const statements = sent.map((text) => text.replace(/\s+/g, ' ').slice(0, 60));
  // BEGIN and the savepoint are one message; the patient's row and its three lists one statement.
  assert.equal(statements.filter((text) => /^(begin|savepoint)/i.test(text)).length, 1, statements.join('\n'));
  assert.ok(
    statements.some((text) => /^begin; savepoint work$/i.test(text)),
    statements.join('\n'),
  );
  assert.equal(sent.filter((text) => text.includes('from "patient_phones"')).length, 1, statements.join('\n'));
  assert.equal(sent.filter((text) => text.includes('from "care_team_members"')).length, 1, statements.join('\n'));
  assert.ok(sent.length <= OVERVIEW_STATEMENTS, `${sent.length} statements:\n${statements.join('\n')}`);
});
