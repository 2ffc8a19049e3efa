import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../src/codes.ts';
import type { Actor } from '../../src/lib/context.ts';
import { addDays, todayIn } from '../../src/lib/dates.ts';
import { prepared } from '../../src/lib/db/prepared.ts';
import { newId } from '../../src/lib/ids.ts';
import { searchPatientsCounted, searchPatientsQuery, searchSentNamed } from '../../src/modules/patients/queries.ts';
import type { PatientSearchQuery } from '../../src/modules/patients/schemas.ts';
import { startTestApp } from '../support/app.ts';
import { signedIn } from '../support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../support/factories.ts';
import { seededRandom } from '../support/random.ts';

/**
 * Patient search has two plans (src/modules/patients/queries.ts): from the name index, then
 * each match's visibility (supervisors), or from the patients the actor can see by
 * relationship (everyone else). The plan is a matter of speed only: on a fixture with every
 * way of seeing or not seeing a patient (care teams past, current, ended today and starting
 * tomorrow, external members, supervised and other programs, registrations with and without
 * episodes, merged and removed records, another organization), every actor and every kind of
 * search gets the same rows in the same order from both, and the API answers with them.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const otherOrg = await makeOrganization(t.db);
const today = todayIn('America/Chicago');
const programs = [
  await makeProgram(t.db, org.id, { name: 'Program A' }),
  await makeProgram(t.db, org.id, { name: 'Program B' }),
  await makeProgram(t.db, org.id, { name: 'Program C' }),
];

// The same fixture on every run.
const random = seededRandom(20_261_130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface Staff {
  label: string;
  made: Awaited<ReturnType<typeof makeUser>>;
  actor: Actor;
}
async function staff(label: string, roles: Role[], programIndexes: number[], organizationId = org.id): Promise<Staff> {
  const made = await makeUser(t.db, organizationId, { roles });
  for (const index of programIndexes) await addMembership(t.db, org.id, programs[index]?.id ?? '', made.user.id);
  const actor: Actor = {
    userId: made.user.id,
    organizationId,
    timeZone: 'America/Chicago',
    email: made.user.email,
    displayName: '',
    roles,
    locale: 'en',
    sessionId: null,
    apiKeyId: null,
    apiKeyCreatedBy: null,
  };
  return { label, made, actor };
}
const people = [
  await staff('case manager in A', ['case-manager'], [0]),
  await staff('case manager in A and B', ['case-manager'], [0, 1]),
  await staff('case manager in C', ['case-manager'], [2]),
  await staff('case manager, no program', ['case-manager'], []),
  await staff('nurse care manager', ['nurse-care-manager'], [1]),
  await staff('community health worker (registers)', ['community-health-worker'], [0]),
  await staff('peer specialist', ['peer-recovery-specialist'], [2]),
  await staff('supervisor of A', ['supervisor'], [0]),
  await staff('supervisor of B and C, also a case manager', ['supervisor', 'case-manager'], [1, 2]),
  await staff('supervisor of no program', ['supervisor'], []),
  await staff('admin', ['admin'], [0, 1, 2]),
];
const outsider = await staff('case manager of another organization', ['case-manager'], [], otherOrg.id);
const all = [...people, outsider];

// Names that share fragments, accents and case, so that ranking and ties are exercised.
const FIRST = ['María', 'Maria', 'Mario', 'José', 'Jose', 'Ana', 'Anna', 'Marcus', 'Dolores', 'Joaquín', 'Lee', 'Smith'];
const LAST = ['Martínez', 'Martinez', 'Marsh', 'Núñez', 'Nunez', 'Smith', 'Smithers', 'Lee', 'Leeds', 'García', 'Garcia López', "O'Brien"];
const DATES = ['1970-01-01', '1985-06-15', '1990-12-31', '2001-07-04'];
/** A team member's days relative to today: who is current today and who is not. */
const SPANS: [start: number, end: number | null][] = [
  [-30, null],
  [-30, 30],
  [0, null],
  [-30, 0],
  [-30, -10],
  [1, null],
];

const patientIds: string[] = [];
for (let i = 0; i < 160; i++) {
  const creator = pick(all.slice(0, -1));
  const patient = await makePatient(t.db, org.id, creator.made.user.id, {
    legalFirstName: pick(FIRST),
    legalLastName: pick(LAST),
    dateOfBirth: pick(DATES),
  });
  patientIds.push(patient.id);
  if (random() < 0.3)
    await t.db
      .insertInto('patientIdentifiers')
      .values({ id: newId(), organizationId: org.id, patientId: patient.id, system: 'mrn', value: `mrn-${i % 40}-${i}` })
      .execute();
  if (random() < 0.5)
    await t.db
      .insertInto('patientPhones')
      .values({
        id: newId(),
        organizationId: org.id,
        patientId: patient.id,
        position: 0,
        number: `(555) 01${i % 7}-${1000 + (i % 13)}`,
        kind: 'mobile',
        consentToText: false,
        voicemailSafe: false,
      })
      .execute();
  const episodes = pick([0, 0, 1, 1, 1, 2]);
  for (let e = 0; e < episodes; e++) {
    const episodeId = newId();
    const closed = random() < 0.2;
    await t.db
      .insertInto('episodes')
      .values({
        id: episodeId,
        organizationId: org.id,
        patientId: patient.id,
        programId: pick(programs).id,
        referralSource: 'self',
        openedOn: addDays(today, -60),
        phase: closed ? 'closed' : 'intake',
        closedOn: closed ? addDays(today, -5) : null,
        closureReason: closed ? 'goals-met' : null,
      })
      .execute();
    const members = pick([0, 1, 2, 3]);
    for (let m = 0; m < members; m++) {
      const [start, end] = pick(SPANS);
      const external = random() < 0.1;
      await t.db
        .insertInto('careTeamMembers')
        .values({
          id: newId(),
          organizationId: org.id,
          patientId: patient.id,
          episodeId,
          userId: external ? null : pick(people).made.user.id,
          externalName: external ? 'Probation officer' : null,
          role: 'case-manager',
          startedOn: addDays(today, start),
          endedOn: end === null ? null : addDays(today, end),
          recordedBy: creator.made.user.id,
        })
        .execute();
    }
  }
}
// Removed records, and records merged into another.
for (const id of patientIds.slice(0, 8)) await t.db.updateTable('patients').set({ deletedAt: new Date() }).where('id', '=', id).execute();
for (const [i, id] of patientIds.slice(8, 16).entries())
  await t.db
    .updateTable('patients')
    .set({ mergedIntoId: patientIds[20 + i] ?? null })
    .where('id', '=', id)
    .execute();
// The outsider's organization has a patient of the same name on the outsider's own care team.
const foreign = await makePatient(t.db, otherOrg.id, outsider.made.user.id, { legalFirstName: 'María', legalLastName: 'Martínez' });
patientIds.push(foreign.id);

const searches: PatientSearchQuery[] = [
  { q: 'mar' },
  { q: 'maria' },
  { q: 'martinez' },
  { q: 'MARTÍNEZ' },
  { q: 'nunez' },
  { q: 'smith' },
  { q: 'lee' },
  { q: 'jose nunez' },
  { q: "o'brien" },
  { q: 'garcia lopez' },
  { q: 'zz' },
  { dateOfBirth: '1985-06-15' },
  { q: 'mar', dateOfBirth: '1970-01-01' },
  { identifier: 'MRN-3-3' },
  { identifier: ' mrn-5-45 ' },
  { phone: '1000' },
  { phone: '(555) 013-1003' },
  { q: 'ana', phone: '0' },
];

test('both search plans give every actor the same rows in the same order', async () => {
  let found = 0;
  for (const person of all) {
    for (const search of searches) {
      for (const limit of [50, 3]) {
        const byIndex = await searchPatientsQuery(t.db, person.actor, search, limit, 'name-index').execute();
        const byVisibility = await searchPatientsQuery(t.db, person.actor, search, limit, 'visible-first').execute();
        assert.deepEqual(byVisibility, byIndex, `${person.label}, ${JSON.stringify(search)}, limit ${limit}`);
        found += byIndex.length;
      }
    }
  }
  // The fixture is not vacuous: plenty of rows were found.
  assert.ok(found > 300, `found ${found} rows in all`);
});

test('the API answers with the rows of the name-index plan, whichever it runs', async () => {
  for (const person of [people[0], people[1], people[5], people[7], people[8], outsider]) {
    if (!person) continue;
    const client = await signedIn(t.app, person.made);
    for (const search of searches.slice(0, 6)) {
      const expected = await searchPatientsQuery(t.db, person.actor, search, 50, 'name-index').execute();
      const response = await client.get<{ items: unknown[] }>(
        `/api/patients?${new URLSearchParams(search as Record<string, string>).toString()}`,
      );
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.items, expected, `${person.label}, ${JSON.stringify(search)}`);
    }
  }
});

test('a search sent named (all but a supervisor’s without a name) gives the same rows on its generic plan', async () => {
  // The supervisor's branch is the literal false for everyone else, never a parameter: a
  // generic plan then drops it as a custom plan does, instead of estimating it as every
  // episode of the organization (which made PostgreSQL scan every patient).
  const caseManager = people[0];
  const supervisor = people[7];
  assert.ok(caseManager && supervisor);
  const textOf = (person: Staff) => searchPatientsCounted(t.db, person.actor, { q: 'mar' }, 50).compile().sql;
  assert.doesNotMatch(textOf(caseManager), /program_memberships/);
  assert.match(textOf(supervisor), /program_memberships/);
  await t.db.connection().execute(async (connection) => {
    await sql`SET plan_cache_mode = force_generic_plan`.execute(connection);
    try {
      let named = 0;
      for (const person of all)
        for (const search of searches.filter((each) => searchSentNamed(person.actor, each))) {
          named += 1;
          const rows = await connection.executeQuery(prepared(searchPatientsCounted(connection, person.actor, search, 50)));
          const expected = await searchPatientsQuery(t.db, person.actor, search, 50, 'name-index').execute();
          assert.deepEqual(
            rows.rows.map(({ matches: _, ...row }) => row),
            expected,
            `${person.label}, ${JSON.stringify(search)}`,
          );
        }
      const supervisorsNamed = searches.filter((each) => supervisor && searchSentNamed(supervisor.actor, each));
      assert.ok(supervisorsNamed.length > 0 && supervisorsNamed.every((each) => each.q), 'a supervisor’s name searches, only they');
      assert.ok(named > searches.length, `${named} searches ran named`);
    } finally {
      await sql`RESET plan_cache_mode`.execute(connection);
    }
  });
});
