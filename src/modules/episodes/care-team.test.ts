import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import { addDays, todayIn } from '../../lib/dates.ts';

/**
 * Who changes a care team (a place on it opens the chart): the primary case manager or a
 * supervisor of the program, adding only clinical staff of that program; handoffs dated today
 * or earlier, the same day allowed.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const otherProgram = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const person = async (
  roles: Parameters<typeof makeUser>[2] extends infer O ? (O extends { roles?: infer R } ? R : never) : never,
  programs: string[],
) => {
  const made = await makeUser(t.db, org.id, { roles, mfa: roles?.includes('supervisor') ?? false });
  for (const programId of programs) await addMembership(t.db, org.id, programId, made.user.id);
  return { made, client: await signedIn(t.app, made) };
};
const intake = await person(['community-health-worker'], [program.id]);
const primary = await person(['case-manager'], [program.id]);
const colleague = await person(['case-manager'], [program.id]);
const supervisor = await person(['supervisor'], [program.id]);
const elsewhere = await person(['case-manager'], [otherProgram.id]);
const privacy = await makeUser(t.db, org.id, { roles: ['privacy-officer'], mfa: true });
await addMembership(t.db, org.id, program.id, privacy.user.id);

interface Episode {
  id: string;
  careTeam: { id: string; userId: string | null; role: string; startedOn: string; endedOn: string | null }[];
}

/** Intake opens an episode today, as its primary case manager or for someone else (then staying on the team). */
async function openToday(primaryCaseManagerId = intake.made.user.id) {
  const patient = await makePatient(t.db, org.id, intake.made.user.id);
  const opened = await intake.client.post<Episode>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: today,
    phase: 'intake',
    primaryCaseManagerId,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return opened.body;
}

test('intake hands the episode to the ongoing case manager the same day it opened', async () => {
  const episode = await openToday();
  const handed = await intake.client.post<Episode>(`/api/episodes/${episode.id}/handoffs`, {
    toUserId: primary.made.user.id,
    on: today,
    note: 'Met at the ED this morning; Ana continues.',
  });
  assert.equal(handed.status, 200, JSON.stringify(handed.body));
  const primaries = handed.body.careTeam.filter((member) => member.role === 'primary-case-manager');
  assert.deepEqual(
    primaries.map((member) => [member.userId, member.startedOn, member.endedOn]),
    [
      [primary.made.user.id, today, null],
      [intake.made.user.id, today, today],
    ],
  );
});

test('a handoff cannot be dated in the future', async () => {
  const episode = await openToday();
  const tomorrow = addDays(today, 1);
  const handed = await intake.client.post(`/api/episodes/${episode.id}/handoffs`, {
    toUserId: primary.made.user.id,
    on: tomorrow,
    note: 'Next week',
  });
  assert.equal(handed.status, 422);
  assert.deepEqual(handed.body.errors, [
    { path: '/on', code: 'future-date', message: `must be today (${today}) or earlier`, params: { today } },
  ]);
});

test('only the primary case manager or a supervisor of the program changes the team', async () => {
  const episode = await openToday(primary.made.user.id);
  // Intake is on the team (as a community health worker) but not its primary case manager.
  const add = { userId: colleague.made.user.id, role: 'case-manager', startedOn: today };
  const byMember = await intake.client.post(`/api/episodes/${episode.id}/care-team`, add);
  assert.equal(byMember.status, 403);
  assert.equal(byMember.body.code, 'not-team-manager');
  const selfPromotion = await intake.client.post(`/api/episodes/${episode.id}/handoffs`, {
    toUserId: intake.made.user.id,
    on: today,
    note: 'Mine',
  });
  assert.equal(selfPromotion.status, 403, 'a member cannot hand the primary role to themselves');
  assert.equal(
    (await primary.client.post(`/api/episodes/${episode.id}/care-team`, add)).status,
    201,
    'the primary case manager adds a colleague',
  );
  const bySupervisor = await supervisor.client.post(`/api/episodes/${episode.id}/care-team`, {
    external: { name: 'Dana Whitfield', organization: 'County Probation' },
    role: 'probation-officer',
    startedOn: today,
  });
  assert.equal(bySupervisor.status, 201, 'a supervisor of the program adds an external contact');
});

test('only clinical staff of the episode’s program join its team', async () => {
  const episode = await openToday();
  for (const [label, userId] of [
    ['staff of another program', elsewhere.made.user.id],
    ['a privacy officer of the program', privacy.user.id],
  ] as const) {
    const added = await intake.client.post(`/api/episodes/${episode.id}/care-team`, { userId, role: 'case-manager', startedOn: today });
    assert.equal(added.status, 422, label);
    assert.equal((added.body.errors as { code: string }[])[0]?.code, 'not-eligible-case-manager', label);
  }
  assert.equal((await elsewhere.client.get(`/api/episodes/${episode.id}`)).status, 404, 'and so they never see the chart');
});

test('a member may step off a team themselves; ending someone else’s place is the team manager’s', async () => {
  const episode = await openToday();
  const added = await intake.client.post<{ id: string }>(`/api/episodes/${episode.id}/care-team`, {
    userId: colleague.made.user.id,
    role: 'case-manager',
    startedOn: today,
  });
  const other = await intake.client.post<{ id: string }>(`/api/episodes/${episode.id}/care-team`, {
    userId: primary.made.user.id,
    role: 'counselor',
    startedOn: today,
  });
  assert.equal((await colleague.client.post(`/api/care-team-members/${other.body.id}/ending`, { endedOn: today })).status, 403);
  assert.equal((await colleague.client.post(`/api/care-team-members/${added.body.id}/ending`, { endedOn: today })).status, 200);
});

test('the program’s clinical staff are listed for its members, to choose a team member', async () => {
  const members = await primary.client.get<{ items: { id: string; displayName: string }[] }>(`/api/programs/${program.id}/members`);
  assert.equal(members.status, 200);
  const ids = members.body.items.map((member) => member.id);
  assert.ok(ids.includes(colleague.made.user.id));
  assert.ok(!ids.includes(privacy.user.id), 'clinical staff only');
  assert.equal((await elsewhere.client.get(`/api/programs/${program.id}/members`)).status, 403);
});
