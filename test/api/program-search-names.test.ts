import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../src/codes.ts';
import type { Actor } from '../../src/lib/context.ts';
import { addDays, todayIn } from '../../src/lib/dates.ts';
import { newId } from '../../src/lib/ids.ts';
import { searchPatientsQuery } from '../../src/modules/patients/queries.ts';
import type { PatientSearchQuery } from '../../src/modules/patients/schemas.ts';
import { startTestApp } from '../support/app.ts';
import { signedIn, type TestClient } from '../support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../support/factories.ts';
import { seededRandom } from '../support/random.ts';

/**
 * A supervisor's name search reads `program_search_names` (migration 0390): each program's
 * patients' names, kept by triggers on episodes and patients. Proved here: the table is always
 * what the episodes and names say (after a registration, an episode opened, one in another
 * program, a name change, a closing, a voiding, a merge and its undo, a deleted episode), the
 * supervisors' answers through the API follow each change, and the `program-names` plan gives
 * every actor the same rows in the same order as the `name-index` plan on a fixture with every
 * way of seeing a patient (restrictions and emergency access included, which the older
 * fixture of test/api/patient-search-plans.test.ts has not).
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const today = todayIn('America/Chicago');
const [programA, programB, programC] = [
  await makeProgram(t.db, org.id, { name: 'Program A' }),
  await makeProgram(t.db, org.id, { name: 'Program B' }),
  await makeProgram(t.db, org.id, { name: 'Program C' }),
];
if (!programA || !programB || !programC) throw new Error('programs');

async function person(roles: Role[], programs: { id: string }[]) {
  const made = await makeUser(t.db, org.id, { roles });
  for (const program of programs) await addMembership(t.db, org.id, program.id, made.user.id);
  const actor: Actor = {
    userId: made.user.id,
    organizationId: org.id,
    timeZone: 'America/Chicago',
    email: made.user.email,
    displayName: '',
    roles,
    locale: 'en',
    sessionId: null,
    apiKeyId: null,
    apiKeyCreatedBy: null,
  };
  return { made, actor };
}

/** The table, and what it must be: one row per patient and program with an episode there, counted, with the patient's name. */
async function upkeep(): Promise<{ held: unknown[]; derived: unknown[] }> {
  const held = await sql`
    SELECT program_id, patient_id, search_name, episodes FROM program_search_names
     WHERE organization_id = ${org.id} ORDER BY program_id, patient_id`.execute(t.db);
  const derived = await sql`
    SELECT e.program_id, e.patient_id, p.search_name, count(*)::int AS episodes
      FROM episodes e JOIN patients p ON p.id = e.patient_id
     WHERE e.organization_id = ${org.id}
     GROUP BY e.program_id, e.patient_id, p.search_name ORDER BY e.program_id, e.patient_id`.execute(t.db);
  return { held: held.rows, derived: derived.rows };
}
async function assertKept(step: string) {
  const { held, derived } = await upkeep();
  assert.deepEqual(held, derived, `after ${step}`);
}

test('the table follows registrations, episodes, names, closings, voidings, merges and deletions; supervisors find accordingly', async () => {
  const caseManager = await person(['case-manager'], [programA, programB, programC]);
  const supA = await person(['supervisor'], [programA]);
  const supB = await person(['supervisor'], [programB]);
  const supAB = await person(['supervisor'], [programA, programB]);
  const supC = await person(['supervisor'], [programC]);
  const cm = await signedIn(t.app, caseManager.made);
  const clients = new Map<string, TestClient>();
  for (const [name, who] of Object.entries({ supA, supB, supAB, supC })) clients.set(name, await signedIn(t.app, who.made));
  /** Who finds `q`, by supervisor, through the API (the default plan), checked against the name-index plan. */
  async function finders(q: string): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const [name, who] of Object.entries({ supA, supB, supAB, supC })) {
      const response = await clients.get(name)?.get<{ items: { id: string }[] }>(`/api/patients?q=${encodeURIComponent(q)}`);
      assert.equal(response?.status, 200);
      const expected = await searchPatientsQuery(t.db, who.actor, { q }, 50, 'name-index').execute();
      assert.deepEqual(response.body.items, expected, `${name} searching ${q}: the API and the name-index plan agree`);
      found[name] = response.body.items.map((item) => item.id);
    }
    return found;
  }

  const registered = await cm.post<{ id: string; version: number }>('/api/patients', {
    legalFirstName: 'Griselda',
    legalLastName: 'Ostrowski',
    dateOfBirth: '1979-03-14',
    confirmedNotDuplicate: true,
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const id = registered.body.id;
  await assertKept('a registration');
  assert.deepEqual(await finders('ostrowski'), { supA: [], supB: [], supAB: [], supC: [] }, 'no episode: no program, no supervisor');

  const open = async (programId: string, patientId = id) => {
    const response = await cm.post<{ id: string }>(`/api/patients/${patientId}/episodes`, {
      programId,
      referralSource: 'self',
      openedOn: today,
      phase: 'intake',
      primaryCaseManagerId: caseManager.made.user.id,
    });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.id;
  };
  const inA = await open(programA.id);
  await assertKept('an episode opened');
  assert.deepEqual(await finders('ostrowski'), { supA: [id], supB: [], supAB: [id], supC: [] });

  const inB = await open(programB.id);
  await assertKept('an episode in another program');
  assert.deepEqual(await finders('ostrowski'), { supA: [id], supB: [id], supAB: [id], supC: [] }, 'once for a supervisor of both');

  const current = await cm.get<{ version: number }>(`/api/patients/${id}`);
  const renamed = await cm.patch(`/api/patients/${id}`, {
    version: current.body.version,
    legalLastName: 'Kowalczyk',
    preferredName: 'Gris',
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  await assertKept('a name change');
  assert.deepEqual(await finders('kowalczyk'), { supA: [id], supB: [id], supAB: [id], supC: [] }, 'the new name');
  assert.deepEqual(await finders('gris'), { supA: [id], supB: [id], supAB: [id], supC: [] }, 'the preferred name');
  assert.deepEqual(await finders('ostrowski'), { supA: [], supB: [], supAB: [], supC: [] }, 'not the old one');

  // A closed or voided episode still shows its patient to the program's supervisor (access.ts).
  const close = async (episodeId: string, closureReason: string) => {
    const response = await cm.post(`/api/episodes/${episodeId}/transitions`, { to: 'closed', on: today, closureReason });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  };
  await close(inA, 'goals-met');
  await close(inB, 'opened-in-error');
  await assertKept('a closing and a voiding');
  assert.deepEqual(await finders('kowalczyk'), { supA: [id], supB: [id], supAB: [id], supC: [] });

  // A second record of the same person, with an episode in C, merged into the first and back.
  const twin = await cm.post<{ id: string }>('/api/patients', {
    legalFirstName: 'Grisel',
    legalLastName: 'Ostrovsky',
    dateOfBirth: '1979-03-14',
    confirmedNotDuplicate: true,
  });
  assert.equal(twin.status, 201, JSON.stringify(twin.body));
  await open(programC.id, twin.body.id);
  assert.deepEqual(await finders('ostrovsky'), { supA: [], supB: [], supAB: [], supC: [twin.body.id] });
  const survivor = await cm.get<{ version: number }>(`/api/patients/${id}`);
  const merge = await cm.post<{ id: string }>(`/api/patients/${id}/merges`, {
    mergedPatientId: twin.body.id,
    version: survivor.body.version,
    reason: 'The same person, registered twice.',
  });
  assert.equal(merge.status, 201, JSON.stringify(merge.body));
  await assertKept('a merge');
  assert.deepEqual(await finders('kowalczyk'), { supA: [id], supB: [id], supAB: [id], supC: [id] }, 'the survivor, now in C too');
  assert.deepEqual(await finders('ostrovsky'), { supA: [], supB: [], supAB: [], supC: [] }, 'the merged record is not listed');
  assert.equal((await cm.post(`/api/patient-merges/${merge.body.id}/undo`)).status, 200);
  await assertKept('a merge undone');
  assert.deepEqual(await finders('kowalczyk'), { supA: [id], supB: [id], supAB: [id], supC: [] });
  assert.deepEqual(await finders('ostrovsky'), { supA: [], supB: [], supAB: [], supC: [twin.body.id] });

  // Two episodes in one program count twice; the row goes with the last (no route deletes an
  // episode: this is the trigger's own rule, exercised directly).
  const again = await open(programA.id);
  assert.deepEqual(
    (
      await t.db
        .selectFrom('programSearchNames')
        .select('episodes')
        .where('patientId', '=', id)
        .where('programId', '=', programA.id)
        .execute()
    ).map((row) => row.episodes),
    [2],
  );
  for (const episodeId of [again, inA]) {
    await t.db.deleteFrom('careTeamMembers').where('episodeId', '=', episodeId).execute();
    await t.db.deleteFrom('episodePhases').where('episodeId', '=', episodeId).execute();
    await t.db.deleteFrom('episodes').where('id', '=', episodeId).execute();
    await assertKept('an episode deleted');
  }
  assert.deepEqual(await finders('kowalczyk'), { supA: [], supB: [id], supAB: [id], supC: [] });

  // An episode moved to another program (no route does it either; the trigger follows).
  await t.db.updateTable('episodes').set({ programId: programC.id }).where('id', '=', inB).execute();
  await assertKept('an episode moved to another program');
  assert.deepEqual(await finders('kowalczyk'), { supA: [], supB: [], supAB: [], supC: [id] });
});

// The same fixture on every run.
const random = seededRandom(20_261_201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

test('the program-names plan gives every actor the rows of the name-index plan, restrictions and emergency access included', async () => {
  const programs = [programA, programB, programC];
  const people = [
    await person(['case-manager'], [programA]),
    await person(['case-manager'], [programB, programC]),
    await person(['nurse-care-manager'], [programB]),
    await person(['supervisor'], [programA]),
    await person(['supervisor'], [programB, programC]),
    await person(['supervisor', 'case-manager'], [programA, programC]),
    await person(['supervisor'], []),
  ];
  const FIRST = ['María', 'Mario', 'José', 'Ana', 'Marcus', 'Lee', 'Dolores'];
  const LAST = ['Martínez', 'Marsh', 'Núñez', 'Smith', 'Smithers', 'Lee', 'García López'];
  const ids: string[] = [];
  for (let i = 0; i < 140; i++) {
    const creator = pick(people);
    const patient = await makePatient(t.db, org.id, creator.made.user.id, {
      legalFirstName: pick(FIRST),
      legalLastName: pick(LAST),
      dateOfBirth: pick(['1970-01-01', '1985-06-15']),
    });
    ids.push(patient.id);
    const episodes: string[] = [];
    for (let e = pick([0, 1, 1, 2, 3]); e > 0; e--) {
      const episodeId = newId();
      const closed = random() < 0.25;
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
          closureReason: closed ? pick(['goals-met', 'opened-in-error'] as const) : null,
        })
        .execute();
      episodes.push(episodeId);
      if (random() < 0.5)
        await t.db
          .insertInto('careTeamMembers')
          .values({
            id: newId(),
            organizationId: org.id,
            patientId: patient.id,
            episodeId,
            userId: pick(people).made.user.id,
            role: 'case-manager',
            ...pick([
              { startedOn: addDays(today, -30), endedOn: null },
              { startedOn: addDays(today, -30), endedOn: today },
              { startedOn: addDays(today, 1), endedOn: null },
            ]),
            recordedBy: creator.made.user.id,
          })
          .execute();
    }
    // Restrictions of the record or of one episode, with allow and exclude lists.
    if (random() < 0.15) {
      const episodeId = random() < 0.5 ? (episodes[0] ?? null) : null;
      await t.db
        .insertInto('recordRestrictions')
        .values({
          id: newId(),
          organizationId: org.id,
          patientId: patient.id,
          episodeId,
          reason: 'staff-relative',
          allowedUserIds: random() < 0.5 ? [pick(people).made.user.id] : [],
          excludedUserIds: random() < 0.3 ? [pick(people).made.user.id] : [],
          restrictedBy: creator.made.user.id,
        })
        .execute()
        .catch(() => {}); // a second active restriction of the same record is refused: then one is enough
    }
    // Emergency access: in force, ended, and run out.
    if (random() < 0.1)
      await t.db
        .insertInto('emergencyAccessGrants')
        .values({
          id: newId(),
          organizationId: org.id,
          patientId: patient.id,
          userId: pick(people).made.user.id,
          reason: 'After-hours call from the hospital.',
          expiresAt: new Date(Date.now() + pick([3_600_000, 3_600_000, -60_000])),
          startedAt: new Date(Date.now() - 3_600_000),
          endedAt: random() < 0.2 ? new Date() : null,
        })
        .execute();
  }
  for (const id of ids.slice(0, 5)) await t.db.updateTable('patients').set({ deletedAt: new Date() }).where('id', '=', id).execute();
  for (const [i, id] of ids.slice(5, 10).entries())
    await t.db
      .updateTable('patients')
      .set({ mergedIntoId: ids[20 + i] ?? null })
      .where('id', '=', id)
      .execute();
  await assertKept('the fixture');

  const searches: PatientSearchQuery[] = [
    { q: 'mar' },
    { q: 'maria' },
    { q: 'MARTÍNEZ' },
    { q: 'nunez' },
    { q: 'smith' },
    { q: 'lee' },
    { q: 'garcia lopez' },
    { q: 'zz' },
    { q: 'mar', dateOfBirth: '1970-01-01' },
    { q: 'ana', phone: '0' },
  ];
  let found = 0;
  for (const [index, who] of people.entries()) {
    for (const search of searches) {
      for (const limit of [50, 3]) {
        const expected = await searchPatientsQuery(t.db, who.actor, search, limit, 'name-index').execute();
        const byProgram = await searchPatientsQuery(t.db, who.actor, search, limit, 'program-names').execute();
        assert.deepEqual(byProgram, expected, `person ${index}, ${JSON.stringify(search)}, limit ${limit}: program-names`);
        // Emergency access is a way of seeing a patient for visible-first too (it was missed before).
        const byVisibility = await searchPatientsQuery(t.db, who.actor, search, limit, 'visible-first').execute();
        assert.deepEqual(byVisibility, expected, `person ${index}, ${JSON.stringify(search)}, limit ${limit}: visible-first`);
        found += expected.length;
      }
    }
  }
  assert.ok(found > 300, `found ${found} rows in all`);
});
