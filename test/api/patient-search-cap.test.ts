import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../src/codes.ts';
import type { Actor } from '../../src/lib/context.ts';
import { addDays, todayIn } from '../../src/lib/dates.ts';
import { newId } from '../../src/lib/ids.ts';
import { SEARCH_MATCH_CAP, searchPatientsQuery } from '../../src/modules/patients/queries.ts';
import { startTestApp } from '../support/app.ts';
import { signedIn } from '../support/client.ts';
import { addMembership, makeOrganization, makeProgram, makeUser } from '../support/factories.ts';

/**
 * Search ranks at most SEARCH_MATCH_CAP matches (src/modules/patients/queries.ts): past it the
 * answer is bounded and says so (`tooManyMatches`); at or below it, it is the full ranking, as
 * before the cap. Matches one may not see (another program's people) do not count.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const programA = await makeProgram(t.db, org.id, { name: 'Program A' });
const programB = await makeProgram(t.db, org.id, { name: 'Program B' });
const today = todayIn('America/Chicago');

async function person(roles: Role[]) {
  const made = await makeUser(t.db, org.id, { roles });
  await addMembership(t.db, org.id, programA.id, made.user.id);
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
const supervisor = await person(['supervisor']);
const caseManager = await person(['case-manager']);

const FIRST = ['Ana', 'José', 'Lee', 'Maya', 'Omar', 'Ruth', 'Sam'];
/** `count` patients of `program` named `last…` (ties and near-ties), each with an episode and the case manager on its team. */
async function patients(count: number, lasts: string[], programId: string): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    episodeId: newId(),
    first: FIRST[i % FIRST.length] ?? 'Ana',
    last: lasts[i % lasts.length] ?? 'Doe',
    dateOfBirth: addDays('1960-01-01', i * 37),
  }));
  await t.db
    .insertInto('patients')
    .values(
      rows.map((r) => ({
        id: r.id,
        organizationId: org.id,
        createdBy: supervisor.made.user.id,
        legalFirstName: r.first,
        legalLastName: r.last,
        dateOfBirth: r.dateOfBirth,
      })),
    )
    .execute();
  await t.db
    .insertInto('episodes')
    .values(
      rows.map((r) => ({
        id: r.episodeId,
        organizationId: org.id,
        patientId: r.id,
        programId,
        referralSource: 'self' as const,
        openedOn: addDays(today, -30),
        phase: 'intake' as const,
      })),
    )
    .execute();
  await t.db
    .insertInto('careTeamMembers')
    .values(
      rows.map((r) => ({
        id: newId(),
        organizationId: org.id,
        patientId: r.id,
        episodeId: r.episodeId,
        userId: caseManager.made.user.id,
        role: 'case-manager' as const,
        startedOn: addDays(today, -30),
        recordedBy: supervisor.made.user.id,
      })),
    )
    .execute();
}
// More than the cap in program A; exactly the cap in A plus more in B, which the supervisor
// does not see (the case manager is on every team, so sees those too).
await patients(SEARCH_MATCH_CAP + 40, ['Marlow', 'Marlowe', 'Marley', 'Marlin'], programA.id);
await patients(SEARCH_MATCH_CAP, ['Quillon', 'Quillan', 'Quill'], programA.id);
await patients(30, ['Quillon'], programB.id);

// Signed in once each: a second factor's code is spent by one sign-in.
const clients = new Map([
  [supervisor, await signedIn(t.app, supervisor.made)],
  [caseManager, await signedIn(t.app, caseManager.made)],
]);
const clientOf = (who: typeof supervisor) => {
  const client = clients.get(who);
  if (!client) throw new Error('signed in above');
  return client;
};

interface SearchAnswer {
  items: { id: string; legalLastName: string }[];
  nextCursor: string | null;
  tooManyMatches: boolean;
  matchCap: number;
}

test('past the cap, the answer is bounded and flagged, for both plans', async () => {
  for (const who of [supervisor, caseManager]) {
    const client = clientOf(who);
    for (const limit of [50, 200]) {
      const response = await client.get<SearchAnswer>(`/api/patients?q=marl&limit=${limit}`);
      assert.equal(response.status, 200);
      assert.equal(response.body.tooManyMatches, true, `${who.actor.roles.join()} limit ${limit}`);
      assert.equal(response.body.matchCap, SEARCH_MATCH_CAP);
      assert.equal(response.body.nextCursor, null);
      assert.equal(response.body.items.length, limit);
      for (const item of response.body.items) assert.match(item.legalLastName, /^Marl/);
    }
  }
});

test('at the cap, the answer is the full ranking, unflagged, as without a cap', async () => {
  const client = clientOf(supervisor);
  for (const limit of [50, 200]) {
    const response = await client.get<SearchAnswer>(`/api/patients?q=quill&limit=${limit}`);
    assert.equal(response.status, 200);
    assert.equal(response.body.tooManyMatches, false);
    // Ranked from every match: the same rows as a search that counts without end.
    const uncapped = await searchPatientsQuery(t.db, supervisor.actor, { q: 'quill' }, limit, 'name-index', 1_000_000).execute();
    assert.deepEqual(response.body.items, uncapped);
    assert.equal(response.body.items.length, limit);
  }
  // The case manager sees program B's thirty as well: past the cap for them.
  const forCaseManager = await clientOf(caseManager).get<SearchAnswer>('/api/patients?q=quill');
  assert.equal(forCaseManager.body.tooManyMatches, true);
});

test('a narrower search below the cap is unflagged and complete', async () => {
  const client = clientOf(supervisor);
  const response = await client.get<SearchAnswer>('/api/patients?q=marlowe%20omar');
  assert.equal(response.status, 200);
  assert.equal(response.body.tooManyMatches, false);
  const uncapped = await searchPatientsQuery(t.db, supervisor.actor, { q: 'marlowe omar' }, 50, 'name-index', 1_000_000).execute();
  assert.deepEqual(response.body.items, uncapped);
  assert.ok(response.body.items.length > 0);
});

test('the audit row of a search past the cap says so', async () => {
  const client = clientOf(supervisor);
  await client.get<SearchAnswer>('/api/patients?q=marl&limit=5');
  const row = await t.db
    .selectFrom('auditEvents')
    .select('details')
    .where('actorUserId', '=', supervisor.made.user.id)
    .where('recordType', '=', 'patient-search')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual((row.details as { tooManyMatches?: boolean }).tooManyMatches, true);
  assert.equal((row.details as { shownPatientIds: string[] }).shownPatientIds.length, 5);
});
