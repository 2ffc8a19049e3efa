import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, type TestClient } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { addDays, todayIn } from '../../lib/dates.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db, { timeZone: 'America/Chicago' });
const today = todayIn('America/Chicago');
const program = await makeProgram(t.db, org.id, { name: 'Outpatient CM' });
const rosa = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
const tyler = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Tyler Brandt' });
const intake = await makeUser(t.db, org.id, { roles: ['community-health-worker'], displayName: 'Luis Ibarra' });
const supervisorMade = await makeUser(t.db, org.id, { roles: ['supervisor'], displayName: 'Marcus Oyelaran' });
for (const person of [rosa, tyler, intake, supervisorMade]) await addMembership(t.db, org.id, program.id, person.user.id);
const luis = await signedIn(t.app, intake);
const rosaClient = await signedIn(t.app, rosa);
const tylerClient = await signedIn(t.app, tyler);
const supervisor = await signedIn(t.app, supervisorMade);

interface Episode {
  id: string;
  phase: string;
  version: number;
  closedOn: string | null;
  phases: { phase: string; startedOn: string }[];
  placements: { id: string; levelCode: string; actualEndDate: string | null; version: number }[];
  careTeam: { userId: string | null; name: string; role: string; endedOn: string | null; handoffNote: string | null }[];
}
interface Placement {
  id: string;
  providerName: string | null;
  actualEndDate: string | null;
  version: number;
}

async function openFor(client: TestClient, overrides: Record<string, unknown> = {}) {
  const patient = await makePatient(t.db, org.id, intake.user.id);
  const response = await client.post<Episode>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'emergency-department',
    referralDate: '2026-01-02',
    openedOn: '2026-01-05',
    phase: 'intake',
    primaryCaseManagerId: rosa.user.id,
    ...overrides,
  });
  return { patient, response };
}

async function count(table: 'episodePhases' | 'placements' | 'careTeamMembers', episodeId: string): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('episodeId', '=', episodeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('episodes of care', () => {
  test('opening an episode names one primary case manager; whoever opened it stays on the team', async () => {
    const { response } = await openFor(luis);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.phase, 'intake');
    assert.deepEqual(
      response.body.phases.map((p) => [p.phase, p.startedOn]),
      [['intake', '2026-01-05']],
    );
    assert.deepEqual(
      response.body.careTeam.map((m) => [m.name, m.role]),
      [
        ['Rosa Delgado', 'primary-case-manager'],
        ['Luis Ibarra', 'community-health-worker'],
      ],
    );
  });

  test('bad openings are refused naming the field', async () => {
    const future = await openFor(luis, { openedOn: '2999-01-01' });
    assert.equal(future.response.status, 422);
    const lateReferral = await openFor(luis, { referralDate: '2026-02-01' });
    assert.equal((lateReferral.response.body as unknown as { errors: { path: string }[] }).errors[0]?.path, '/referralDate');
    const outsider = await makeUser(t.db, org.id, { roles: ['case-manager'] });
    const notInProgram = await openFor(luis, { primaryCaseManagerId: outsider.user.id });
    assert.equal(notInProgram.response.status, 422);
    const closedStart = await openFor(luis, { phase: 'closed' });
    assert.equal(closedStart.response.status, 400);
  });

  test('the episode moves along the continuum, every change dated and kept; illegal moves are 409 and write nothing', async () => {
    const { response } = await openFor(luis);
    const id = response.body.id;
    const moves: [to: string, on: string][] = [
      ['primary-treatment', '2026-01-20'],
      ['continuing-care', '2026-03-01'],
      ['primary-treatment', '2026-04-10'],
      ['continuing-care', '2026-05-15'],
    ];
    for (const [to, on] of moves)
      assert.equal((await rosaClient.post(`/api/episodes/${id}/transitions`, { to, on })).status, 200, `${to} on ${on}`);
    const backwards = await rosaClient.post(`/api/episodes/${id}/transitions`, { to: 'intake', on: '2026-06-01' });
    assert.equal(backwards.status, 409);
    const beforeCurrent = await rosaClient.post(`/api/episodes/${id}/transitions`, { to: 'primary-treatment', on: '2026-05-01' });
    assert.equal(beforeCurrent.status, 422);
    const noReason = await rosaClient.post(`/api/episodes/${id}/transitions`, { to: 'closed', on: '2026-06-01' });
    assert.equal((noReason.body.errors as { path: string }[])[0]?.path, '/closureReason');
    const closed = await rosaClient.post<Episode>(`/api/episodes/${id}/transitions`, {
      to: 'closed',
      on: '2026-06-01',
      closureReason: 'goals-met',
    });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.closedOn, '2026-06-01');
    const phasesBefore = await count('episodePhases', id);
    const again = await rosaClient.post(`/api/episodes/${id}/transitions`, { to: 'closed', on: '2026-06-02', closureReason: 'other' });
    assert.equal(again.status, 409, 'closing twice');
    assert.equal(await count('episodePhases', id), phasesBefore);
    assert.deepEqual(
      closed.body.phases.map((p) => p.phase),
      ['intake', 'primary-treatment', 'continuing-care', 'primary-treatment', 'continuing-care', 'closed'],
    );
  });

  test('placements: codes of the right edition, no overlap unless concurrent, no end before start; closing ends open ones', async () => {
    const { response } = await openFor(luis);
    const id = response.body.id;
    const place = (body: object) => rosaClient.post<Placement>(`/api/episodes/${id}/placements`, body);
    const first = await place({
      levelEdition: 'asam-3',
      levelCode: '2.1',
      startDate: '2026-01-05',
      plannedEndDate: '2026-02-15',
      providerName: 'Riverbend IOP',
    });
    assert.equal(first.status, 201);
    assert.equal(first.headers.location, `/api/placements/${first.body.id}`);
    assert.equal((await rosaClient.get<Placement>(first.headers.location)).body.providerName, 'Riverbend IOP');
    const wrongEdition = await place({ levelEdition: 'asam-4', levelCode: '2-wm', startDate: '2026-03-01' });
    assert.equal((wrongEdition.body as unknown as { errors: { path: string }[] }).errors[0]?.path, '/levelCode');
    const overlapping = await place({ levelEdition: 'asam-3', levelCode: '1', startDate: '2026-02-01' });
    assert.equal(overlapping.status, 422);
    assert.equal((overlapping.body as unknown as { errors: { path: string }[] }).errors[0]?.path, '/startDate');
    assert.equal(await count('placements', id), 1, 'nothing written');
    const concurrent = await place({ levelEdition: 'other', levelCode: 'obot', startDate: '2026-01-10', concurrent: true });
    assert.equal(concurrent.status, 201);
    const iop = (await rosaClient.get<Episode>(`/api/episodes/${id}`)).body.placements.find((p) => p.levelCode === '2.1');
    assert.ok(iop);
    const endsEarly = await rosaClient.patch(`/api/placements/${iop.id}`, { version: iop.version, actualEndDate: '2026-01-01' });
    assert.equal(endsEarly.status, 400);
    assert.equal((endsEarly.body.errors as { path: string }[])[0]?.path, '/actualEndDate');
    const ended = await rosaClient.patch<Placement>(`/api/placements/${iop.id}`, { version: iop.version, actualEndDate: '2026-02-15' });
    assert.equal(ended.status, 200, 'PATCH answers the placement with its new version');
    assert.equal(ended.headers.etag, `"${iop.version + 1}"`);
    assert.equal(ended.body.actualEndDate, '2026-02-15');
    assert.equal((await rosaClient.patch(`/api/placements/${iop.id}`, { version: iop.version, note: 'stale' })).status, 409);
    assert.equal(
      (await place({ levelEdition: 'asam-3', levelCode: '1', startDate: '2026-02-15' })).status,
      201,
      'the next one starts the day the last ended',
    );
    const closed = await rosaClient.post<Episode>(`/api/episodes/${id}/transitions`, {
      to: 'closed',
      on: '2026-04-01',
      closureReason: 'transferred',
    });
    assert.ok(
      closed.body.placements.every((p) => p.actualEndDate !== null),
      'closing ends the placements still running',
    );
  });

  test('one primary case manager at a time: a handoff with a note ends one and starts the next, never two', async () => {
    const { patient, response } = await openFor(luis);
    const id = response.body.id;
    const addPrimary = await rosaClient.post(`/api/episodes/${id}/care-team`, {
      userId: tyler.user.id,
      role: 'primary-case-manager',
      startedOn: '2026-01-06',
    });
    assert.equal((addPrimary.body.errors as { path: string }[])[0]?.path, '/role');
    const handed = await rosaClient.post<Episode>(`/api/episodes/${id}/handoffs`, {
      toUserId: tyler.user.id,
      on: '2026-02-01',
      note: 'Rosa moves to the ACT team; Tyler knows the family.',
    });
    assert.equal(handed.status, 200);
    const primaries = handed.body.careTeam.filter((m) => m.role === 'primary-case-manager');
    assert.deepEqual(
      primaries.map((m) => [m.name, m.endedOn]),
      [
        ['Tyler Brandt', null],
        ['Rosa Delgado', '2026-02-01'],
      ],
    );
    assert.equal(primaries[0]?.handoffNote, 'Rosa moves to the ACT team; Tyler knows the family.');
    // The database itself refuses a second primary for the same days, whatever the code does.
    await assert.rejects(
      t.db
        .insertInto('careTeamMembers')
        .values({
          id: crypto.randomUUID(),
          organizationId: org.id,
          patientId: patient.id,
          episodeId: id,
          userId: rosa.user.id,
          role: 'primary-case-manager',
          startedOn: '2026-02-10',
          recordedBy: rosa.user.id,
        })
        .execute(),
      /exclusion constraint/,
    );
    const teamBefore = await count('careTeamMembers', id);
    const toSelf = await tylerClient.post(`/api/episodes/${id}/handoffs`, { toUserId: tyler.user.id, on: '2026-03-01', note: 'again' });
    assert.equal(toSelf.status, 400);
    assert.equal(await count('careTeamMembers', id), teamBefore);
  });

  test('a supervisor reassigns a colleague’s whole caseload to two colleagues, each as a handoff', async () => {
    const leaving = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Leaving Soon' });
    await addMembership(t.db, org.id, program.id, leaving.user.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await openFor(luis, { primaryCaseManagerId: leaving.user.id })).response.body.id);
    const theirs = await supervisor.get<{ items: { episodeId: string }[] }>(`/api/caseload?userId=${leaving.user.id}&limit=200`);
    assert.deepEqual(
      theirs.body.items.map((row) => row.episodeId).sort(),
      [...ids].sort(),
      'a supervisor sees the colleague’s caseload to choose from',
    );
    assert.equal((await rosaClient.get(`/api/caseload?userId=${leaving.user.id}`)).status, 403);
    const refused = await rosaClient.post('/api/caseload-reassignments', {
      fromUserId: leaving.user.id,
      toUserIds: [tyler.user.id],
      on: today,
      note: 'x',
    });
    assert.equal(refused.status, 403);
    const moved = await supervisor.post<{ handoffs: { episodeId: string; toUserId: string }[] }>('/api/caseload-reassignments', {
      fromUserId: leaving.user.id,
      toUserIds: [rosa.user.id, tyler.user.id],
      on: today,
      note: 'Leaving Soon is on leave from today.',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.handoffs.map((h) => h.toUserId).sort(), [rosa.user.id, rosa.user.id, tyler.user.id].sort());
    const audits = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('recordId', 'in', ids)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audits.filter((a) => a.details.change === 'handoff').length, 3);
  });

  test('My caseload lists the open episodes whose team I am on, with program, phase, level and primary case manager', async () => {
    const { response } = await openFor(luis, { primaryCaseManagerId: tyler.user.id, openedOn: today, referralDate: today });
    await tylerClient.post(`/api/episodes/${response.body.id}/placements`, { levelEdition: 'asam-4', levelCode: '2.1', startDate: today });
    const mine = await tylerClient.get<{
      items: { episodeId: string; levelCode: string | null; primaryCaseManagerName: string; myRole: string; programName: string }[];
    }>('/api/caseload?limit=200');
    const row = mine.body.items.find((item) => item.episodeId === response.body.id);
    assert.ok(row);
    assert.equal(row.levelCode, '2.1');
    assert.equal(row.primaryCaseManagerName, 'Tyler Brandt');
    assert.equal(row.myRole, 'primary-case-manager');
    assert.equal(row.programName, 'Outpatient CM');
    const filtered = await tylerClient.get<{ items: unknown[] }>('/api/caseload?phase=continuing-care');
    assert.equal(filtered.body.items.length, 0);
    const paged = await tylerClient.get<{ items: unknown[]; nextCursor: string | null }>('/api/caseload?limit=1');
    assert.equal(paged.body.items.length, 1);
  });

  test('the audit row of a caseload page names the patients shown, in order, not the row read to see whether a page follows', async () => {
    const lastCaseloadRow = async () =>
      (await t.db
        .selectFrom('auditEvents')
        .select(['action', 'details'])
        .where('actorUserId', '=', rosa.user.id)
        .where('recordType', '=', 'caseload')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow()) as { action: string; details: { shownPatientIds: string[] } };
    const all = await rosaClient.get<{ items: { patientId: string }[] }>('/api/caseload?limit=200');
    assert.ok(all.body.items.length > 2, 'more than a page of two');
    assert.deepEqual(
      (await lastCaseloadRow()).details.shownPatientIds,
      all.body.items.map((item) => item.patientId),
    );
    const page = await rosaClient.get<{ items: { patientId: string }[]; nextCursor: string | null }>('/api/caseload?limit=2');
    assert.ok(page.body.nextCursor);
    const row = await lastCaseloadRow();
    assert.equal(row.action, 'read');
    assert.deepEqual(
      row.details.shownPatientIds,
      page.body.items.map((item) => item.patientId),
    );
    await rosaClient.get('/api/caseload?phase=continuing-care&programId=00000000-0000-4000-8000-000000000000');
    assert.deepEqual((await lastCaseloadRow()).details, { shownPatientIds: [] }, 'an empty page is audited too');
  });

  test('a second open episode of one person in the same program is refused (409, coded); opened in error voids one, audited', async () => {
    const { patient, response } = await openFor(luis);
    assert.equal(response.status, 201);
    const episodesOf = async () =>
      (await t.db.selectFrom('episodes').select(['id', 'closureReason']).where('patientId', '=', patient.id).execute()).length;
    const second = await luis.post(`/api/patients/${patient.id}/episodes`, {
      programId: program.id,
      referralSource: 'self',
      openedOn: '2026-01-06',
      phase: 'intake',
      primaryCaseManagerId: tyler.user.id,
    });
    assert.equal(second.status, 409, JSON.stringify(second.body));
    assert.equal(second.body.code, 'open-episode-in-program');
    assert.deepEqual(second.body.params, { openedOn: '2026-01-05' });
    assert.equal(second.body.episodeId, response.body.id, 'names the episode already open, to go to it');
    assert.equal(await episodesOf(), 1, 'nothing written');

    const voided = await rosaClient.post<Episode & { closureReason: string }>(`/api/episodes/${response.body.id}/transitions`, {
      to: 'closed',
      on: '2026-01-05',
      closureReason: 'opened-in-error',
    });
    assert.equal(voided.status, 200, JSON.stringify(voided.body));
    assert.equal(voided.body.closureReason, 'opened-in-error');
    const audited = await t.db
      .selectFrom('auditEvents')
      .select('details')
      .where('recordId', '=', response.body.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    assert.deepEqual(audited.details, { from: 'intake', to: 'closed', closureReason: 'opened-in-error' });
    const reopened = await luis.post(`/api/patients/${patient.id}/episodes`, {
      programId: program.id,
      referralSource: 'self',
      openedOn: '2026-01-06',
      phase: 'intake',
      primaryCaseManagerId: tyler.user.id,
    });
    assert.equal(reopened.status, 201, 'once the mistaken one is voided, a new one opens');
    assert.equal(await episodesOf(), 2, 'the voided episode is kept, not erased');
  });

  test('whoever manages staff reads how many open episodes a colleague carries (counts only), to reassign before deactivating', async () => {
    const leaving = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Leaving Soon' });
    await addMembership(t.db, org.id, program.id, leaving.user.id);
    for (let i = 0; i < 2; i += 1) await openFor(luis, { primaryCaseManagerId: leaving.user.id });
    const closedOne = await openFor(luis, { primaryCaseManagerId: leaving.user.id });
    await supervisor.post(`/api/episodes/${closedOne.response.body.id}/transitions`, {
      to: 'closed',
      on: '2026-01-05',
      closureReason: 'moved',
    });
    const adminMade = await makeUser(t.db, org.id, { roles: ['admin'], mfa: true });
    const admin = await signedIn(t.app, adminMade);
    const counts = await admin.get(`/api/users/${leaving.user.id}/open-episodes`);
    assert.equal(counts.status, 200, JSON.stringify(counts.body));
    assert.deepEqual(counts.body, { asPrimary: 2, asMember: 0 }, 'the closed one is not counted');
    assert.deepEqual((await admin.get(`/api/users/${intake.user.id}/open-episodes`)).body.asPrimary, 0);
    assert.equal((await rosaClient.get(`/api/users/${leaving.user.id}/open-episodes`)).status, 403, 'not for a case manager');
    const stranger = await makeOrganization(t.db);
    const elsewhere = await makeUser(t.db, stranger.id, { roles: ['case-manager'] });
    assert.equal((await admin.get(`/api/users/${elsewhere.user.id}/open-episodes`)).status, 404, 'not across organizations');
  });

  test('concurrent levels of care all show in the overview and My caseload, with their notes', async () => {
    const { patient, response } = await openFor(luis, { primaryCaseManagerId: tyler.user.id, openedOn: today, referralDate: today });
    const id = response.body.id;
    const outpatient = await tylerClient.post(`/api/episodes/${id}/placements`, {
      levelEdition: 'asam-4',
      levelCode: '1.0',
      startDate: today,
      note: 'Tuesdays and Thursdays',
    });
    assert.equal(outpatient.status, 201, JSON.stringify(outpatient.body));
    const otp = await tylerClient.post(`/api/episodes/${id}/placements`, {
      levelEdition: 'other',
      levelCode: 'otp',
      startDate: today,
      concurrent: true,
      note: 'Daily dosing at the county OTP',
    });
    assert.equal(otp.status, 201, JSON.stringify(otp.body));
    const overview = await tylerClient.get<{
      episodes: { id: string; currentLevels: { code: string; concurrent: boolean; note: string | null }[] }[];
    }>(`/api/patients/${patient.id}`);
    const summary = overview.body.episodes.find((episode) => episode.id === id);
    assert.deepEqual(
      summary?.currentLevels.map((level) => [level.code, level.concurrent, level.note]),
      [
        ['1.0', false, 'Tuesdays and Thursdays'],
        ['otp', true, 'Daily dosing at the county OTP'],
      ],
    );
    const caseload = await tylerClient.get<{ items: { episodeId: string; levelCode: string; levels: { code: string }[] }[] }>(
      '/api/caseload?limit=200',
    );
    const row = caseload.body.items.find((item) => item.episodeId === id);
    assert.equal(row?.levelCode, '1.0');
    assert.deepEqual(
      row?.levels.map((level) => level.code),
      ['1.0', 'otp'],
    );
    assert.equal((row as { levelEdition?: string } | undefined)?.levelEdition, 'asam-4');
    const byLevel = async (code: string) =>
      (await tylerClient.get<{ items: { episodeId: string }[] }>(`/api/caseload?limit=200&levelCode=${code}`)).body.items.some(
        (item) => item.episodeId === id,
      );
    assert.equal(await byLevel('1.0'), true, 'the filter is on the row’s level');
    assert.equal(await byLevel('otp'), false, 'not on a level running beside it');
  });

  test('the work list: days in phase and the next planned end per row; a supervisor sees each case manager’s load', async () => {
    const worker = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Wendy Worklist' });
    await addMembership(t.db, org.id, program.id, worker.user.id);
    const workerClient = await signedIn(t.app, worker);
    const { response } = await openFor(luis, { primaryCaseManagerId: worker.user.id, openedOn: '2026-01-05' });
    await workerClient.post(`/api/episodes/${response.body.id}/transitions`, { to: 'primary-treatment', on: '2026-02-01' });
    const soon = addDays(today, 7);
    const placed = await workerClient.post(`/api/episodes/${response.body.id}/placements`, {
      levelEdition: 'asam-4',
      levelCode: '2.1',
      startDate: '2026-02-01',
      plannedEndDate: soon,
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await openFor(luis, { primaryCaseManagerId: worker.user.id });
    const rows = await workerClient.get<{ items: { episodeId: string; phaseStartedOn: string; nextPlannedEnd: string | null }[] }>(
      '/api/caseload?limit=200',
    );
    const row = rows.body.items.find((item) => item.episodeId === response.body.id);
    assert.equal(row?.phaseStartedOn, '2026-02-01');
    assert.equal(row?.nextPlannedEnd, soon);
    const loads = await supervisor.get<{
      items: { userId: string; primary: number; byPhase: Record<string, number>; endingSoon: number }[];
    }>(`/api/caseload-loads?programId=${program.id}`);
    assert.equal(loads.status, 200, JSON.stringify(loads.body));
    const wendy = loads.body.items.find((load) => load.userId === worker.user.id);
    assert.deepEqual(wendy && [wendy.primary, wendy.byPhase, wendy.endingSoon], [2, { intake: 1, 'primary-treatment': 1 }, 1]);
    assert.equal((await workerClient.get('/api/caseload-loads')).status, 403, 'for supervisors');
  });
});
