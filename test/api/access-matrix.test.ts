import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/codes.ts';
import { newId } from '../../src/lib/ids.ts';
import { startTestApp } from '../support/app.ts';
import { signedIn } from '../support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../support/factories.ts';

/**
 * Who may see a patient (docs/patients.md), as a matrix of roles × relationships, through the
 * one access check every patient-data route uses: the patient record, its episode, and search.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const otherOrg = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id, { name: 'Program A' });
const otherProgram = await makeProgram(t.db, org.id, { name: 'Program B' });
const registrar = await makeUser(t.db, org.id, { roles: ['community-health-worker'] });
const patient = await makePatient(t.db, org.id, registrar.user.id, { legalFirstName: 'Matrix', legalLastName: 'Patient' });
const unopened = await makePatient(t.db, org.id, registrar.user.id, { legalFirstName: 'Unopened', legalLastName: 'Patient' });
const episodeId = newId();
await t.db
  .insertInto('episodes')
  .values({
    id: episodeId,
    organizationId: org.id,
    patientId: patient.id,
    programId: program.id,
    referralSource: 'self',
    openedOn: '2026-01-05',
    phase: 'intake',
  })
  .execute();

async function actor(roles: Role[], relationship: { team?: 'current' | 'ended'; programs?: string[]; organizationId?: string } = {}) {
  const made = await makeUser(t.db, relationship.organizationId ?? org.id, { roles });
  for (const programId of relationship.programs ?? []) await addMembership(t.db, org.id, programId, made.user.id);
  if (relationship.team) {
    await t.db
      .insertInto('careTeamMembers')
      .values({
        id: newId(),
        organizationId: org.id,
        patientId: patient.id,
        episodeId,
        userId: made.user.id,
        role: 'case-manager',
        startedOn: '2026-01-05',
        endedOn: relationship.team === 'ended' ? '2026-01-10' : null,
        recordedBy: made.user.id,
      })
      .execute();
  }
  return signedIn(t.app, made);
}

const matrix: [label: string, roles: Role[], relationship: Parameters<typeof actor>[1], sees: boolean][] = [
  ['case manager on the care team', ['case-manager'], { team: 'current', programs: [program.id] }, true],
  ['case manager who left the care team', ['case-manager'], { team: 'ended', programs: [program.id] }, false],
  ['case manager in the program, not on the team', ['case-manager'], { programs: [program.id] }, false],
  ['supervisor of the program', ['supervisor'], { programs: [program.id] }, true],
  ['supervisor of another program', ['supervisor'], { programs: [otherProgram.id] }, false],
  ['nurse care manager on the care team', ['nurse-care-manager'], { team: 'current' }, true],
  ['peer specialist, no relationship', ['peer-recovery-specialist'], {}, false],
  ['admin (no clinical role)', ['admin'], { programs: [program.id] }, false],
  ['privacy officer', ['privacy-officer'], {}, false],
  ['case manager of another organization', ['case-manager'], { organizationId: otherOrg.id }, false],
];

test('the access matrix: who sees the patient, the episode and the search result', async () => {
  for (const [label, roles, relationship, sees] of matrix) {
    const client = await actor(roles, relationship);
    const record = await client.get(`/api/patients/${patient.id}`);
    assert.equal(record.status, sees ? 200 : 404, `${label}: patient`);
    assert.equal((await client.get(`/api/episodes/${episodeId}`)).status, sees ? 200 : 404, `${label}: episode`);
    const search = await client.get<{ items: { id: string }[] }>('/api/patients?q=matrix');
    assert.equal(search.status === 200 && search.body.items.some((p) => p.id === patient.id), sees, `${label}: search`);
  }
});

test('the person who registered a patient sees them until an episode exists, then only through the team', async () => {
  const client = await signedIn(t.app, registrar);
  assert.equal((await client.get(`/api/patients/${unopened.id}`)).status, 200);
  assert.equal((await client.get(`/api/patients/${patient.id}`)).status, 404);
});

test('every refusal is audited as access denied, with the patient named', async () => {
  const denials = await t.db
    .selectFrom('auditEvents')
    .select(['actorUserId'])
    .where('recordId', 'in', [patient.id, episodeId])
    .where('action', '=', 'access-denied')
    .execute();
  const refusedActors = matrix.filter(([, , , sees]) => !sees).length;
  assert.ok(denials.length >= refusedActors * 2, `${denials.length} denials for ${refusedActors} refused actors`);
});
