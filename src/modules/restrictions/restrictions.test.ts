import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn, type TestClient } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import type { Role } from '../../codes.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { buildRegistry } from '../../lib/modules.ts';
import { modules } from '../index.ts';
import type { Actor } from '../../lib/context.ts';
import { caseloadQuery } from '../episodes/caseload.ts';
import { currentMember, episodeVisibleTo, patientVisibleTo } from '../patients/access.ts';

/**
 * Restricted records and sensitive notes (docs/restrictions.md): the hiding is in the queries,
 * so search, My caseload, the overview, the contacts with their notes, the timeline and a note
 * by id all agree, for a supervisor not on the allow list, an excluded care-team member, and a
 * peer specialist on the team facing a sensitive note.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);

async function person(roles: Role[], displayName: string) {
  const made = await makeUser(t.db, org.id, { roles, displayName });
  await addMembership(t.db, org.id, program.id, made.user.id);
  return { id: made.user.id, roles, password: made.password, client: await signedIn(t.app, made) };
}
const cm = await person(['case-manager'], 'Rosa Delgado');
const restricting = await person(['supervisor'], 'Sam Okafor');
const otherSupervisor = await person(['supervisor'], 'Lee Park');
const relative = await person(['case-manager'], 'Dana Cruz'); // on the team, and the patient's relative
const peer = await person(['peer-recovery-specialist'], 'Ana Ruiz');
const counselor = await person(['counselor'], 'Kim Bell');

interface Note {
  id: string;
  sensitive: boolean;
  hidden: boolean;
  sections: Record<string, string>;
  version: number;
}
interface Contact {
  id: string;
  note: Note | null;
}

async function patientWithEpisode(lastName: string) {
  const patient = await makePatient(t.db, org.id, cm.id, { legalFirstName: 'Jordan', legalLastName: lastName });
  const opened = await cm.client.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn: addDays(today, -10),
    phase: 'intake',
    primaryCaseManagerId: cm.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  for (const [who, role] of [
    [relative, 'case-manager'],
    [peer, 'peer-recovery-specialist'],
    [counselor, 'counselor'],
  ] as const) {
    const added = await cm.client.post(`/api/episodes/${opened.body.id}/care-team`, {
      userId: who.id,
      role,
      startedOn: addDays(today, -5),
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  return { patientId: patient.id, episodeId: opened.body.id };
}

async function sees(client: TestClient, patientId: string, lastName: string) {
  const overview = await client.get(`/api/patients/${patientId}`);
  const search = await client.get<{ items: { id: string }[] }>(`/api/patients?q=${lastName}`);
  const caseload = await client.get<{ items: { patientId: string }[] }>('/api/caseload?limit=200');
  const timeline = await client.get(`/api/patients/${patientId}/timeline`);
  return {
    overview: overview.status,
    search: search.body.items.some((item) => item.id === patientId),
    caseload: caseload.status === 200 && caseload.body.items.some((item) => item.patientId === patientId),
    timeline: timeline.status,
  };
}

async function deniedRows(recordId: string) {
  return t.db
    .selectFrom('auditEvents')
    .select(['action', 'recordType'])
    .where('recordId', '=', recordId)
    .where('action', '=', 'access-denied')
    .execute();
}

test('a restricted patient: the care team and the allow list see it; another supervisor and an excluded team member do not, anywhere', async () => {
  const { patientId } = await patientWithEpisode('Restrictedson');
  // Before: the other supervisor sees the whole program, the relative is on the team.
  assert.deepEqual(await sees(otherSupervisor.client, patientId, 'Restrictedson'), {
    overview: 200,
    search: true,
    caseload: false,
    timeline: 200,
  });
  assert.equal((await sees(relative.client, patientId, 'Restrictedson')).caseload, true);

  // Only a supervisor restricts.
  const refused = await cm.client.request('PUT', `/api/patients/${patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [],
  });
  assert.equal(refused.status, 403);
  const selfExcluded = await restricting.client.request('PUT', `/api/patients/${patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [restricting.id],
  });
  assert.equal(selfExcluded.status, 400);

  const made = await restricting.client.request<{ id: string; version: number; allowed: { id: string }[] }>(
    'PUT',
    `/api/patients/${patientId}/restriction`,
    { reason: 'staff-relative', allowedUserIds: [], excludedUserIds: [relative.id] },
  );
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.deepEqual(
    made.body.allowed.map((allowed) => allowed.id),
    [restricting.id],
    'the restricting supervisor is on the allow list',
  );
  const again = await restricting.client.request('PUT', `/api/patients/${patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [relative.id],
  });
  assert.equal(again.status, 409, 'a second restriction without the version');

  assert.deepEqual(await sees(otherSupervisor.client, patientId, 'Restrictedson'), {
    overview: 404,
    search: false,
    caseload: false,
    timeline: 404,
  });
  assert.deepEqual(await sees(relative.client, patientId, 'Restrictedson'), {
    overview: 404,
    search: false,
    caseload: false,
    timeline: 404,
  });
  assert.deepEqual(await sees(cm.client, patientId, 'Restrictedson'), { overview: 200, search: true, caseload: true, timeline: 200 });
  assert.deepEqual(await sees(restricting.client, patientId, 'Restrictedson'), {
    overview: 200,
    search: true,
    caseload: false,
    timeline: 200,
  });
  const overview = await cm.client.get<{ restriction: { patient: { reason: string } | null } }>(`/api/patients/${patientId}`);
  assert.equal(overview.body.restriction.patient?.reason, 'staff-relative');
  assert.ok((await deniedRows(patientId)).length >= 4, 'each refusal is audited as denied');

  // A stale change is refused; a current one goes through; the other supervisor, once allowed, sees it again.
  const stale = await restricting.client.request('PUT', `/api/patients/${patientId}/restriction`, {
    version: made.body.version + 1,
    reason: 'staff-relative',
    allowedUserIds: [otherSupervisor.id],
    excludedUserIds: [relative.id],
  });
  assert.equal(stale.status, 409);
  const changed = await restricting.client.request<{ version: number }>('PUT', `/api/patients/${patientId}/restriction`, {
    version: made.body.version,
    reason: 'staff-relative',
    allowedUserIds: [otherSupervisor.id],
    excludedUserIds: [relative.id],
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal((await sees(otherSupervisor.client, patientId, 'Restrictedson')).overview, 200);

  // The privacy officer lists it (name, who, why), without reading the chart.
  const officer = await signedIn(t.app, await makeUser(t.db, org.id, { roles: ['privacy-officer'] }));
  const listed = await officer.get<{ items: { patientId: string; reason: string; restrictedBy: { id: string } }[] }>(
    '/api/restricted-records',
  );
  assert.equal(listed.status, 200);
  const line = listed.body.items.find((item) => item.patientId === patientId);
  assert.equal(line?.reason, 'staff-relative');
  assert.equal(line?.restrictedBy.id, restricting.id);
  assert.equal((await officer.get(`/api/patients/${patientId}`)).status, 404);
  assert.equal((await cm.client.get('/api/restricted-records')).status, 403);

  // Lifting gives everyone back what they had.
  const lifted = await restricting.client.post(`/api/patients/${patientId}/restriction/lifting`, { version: changed.body.version });
  assert.equal(lifted.status, 204, JSON.stringify(lifted.body));
  assert.equal((await sees(relative.client, patientId, 'Restrictedson')).caseload, true);
  const actions = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'details'])
    .where('recordType', '=', 'restriction')
    .where('patientId', '=', patientId)
    .orderBy('occurredAt')
    .execute();
  assert.deepEqual(
    actions.map((row) => row.action),
    ['create', 'update', 'update'],
  );
});

test('a restricted episode: its records are refused to whoever the restriction shuts out', async () => {
  const { patientId, episodeId } = await patientWithEpisode('Episodic');
  const contact = await cm.client.post<Contact>(`/api/patients/${patientId}/contacts`, {
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 20,
    mode: 'phone',
    episodeId,
    note: { structure: 'dap', sections: { data: 'Talked about the week.' } },
  });
  assert.equal(contact.status, 201, JSON.stringify(contact.body));
  const made = await restricting.client.request('PUT', `/api/episodes/${episodeId}/restriction`, {
    reason: 'safety',
    allowedUserIds: [],
    excludedUserIds: [relative.id],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  for (const path of [`/api/episodes/${episodeId}`, `/api/contacts/${contact.body.id}`, `/api/notes/${contact.body.note?.id ?? ''}`]) {
    assert.equal((await relative.client.get(path)).status, 404, `${path} for the excluded member`);
    assert.equal((await otherSupervisor.client.get(path)).status, 404, `${path} for the supervisor not allowed`);
    assert.equal((await peer.client.get(path)).status, 200, `${path} for a team member`);
  }
  // Someone who sees the patient through another episode sees the patient, not this episode or its records.
  const program2 = await makeProgram(t.db, org.id);
  const other = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Chris Lane' });
  await addMembership(t.db, org.id, program2.id, other.user.id);
  await addMembership(t.db, org.id, program2.id, cm.id);
  const otherClient = await signedIn(t.app, other);
  const second = await cm.client.post<{ id: string }>(`/api/patients/${patientId}/episodes`, {
    programId: program2.id,
    referralSource: 'self',
    openedOn: addDays(today, -3),
    phase: 'intake',
    primaryCaseManagerId: other.user.id,
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  const overview = await otherClient.get<{ episodes: { id: string }[]; contacts: Contact[] }>(`/api/patients/${patientId}`);
  assert.equal(overview.status, 200);
  assert.deepEqual(
    overview.body.episodes.map((episode) => episode.id),
    [second.body.id],
  );
  assert.deepEqual(overview.body.contacts, []);
  const contacts = await otherClient.get<{ items: Contact[] }>(`/api/patients/${patientId}/contacts`);
  assert.deepEqual(contacts.body.items, []);
  const timeline = await otherClient.get<{ items: { episodeId: string | null }[] }>(`/api/patients/${patientId}/timeline`);
  assert.ok(!timeline.body.items.some((item) => item.episodeId === episodeId), 'no timeline entry of the restricted episode');
  const mine = await peer.client.get<{ items: { episodeId: string | null }[] }>(`/api/patients/${patientId}/timeline`);
  assert.ok(
    mine.body.items.some((item) => item.episodeId === episodeId),
    'the team sees its timeline',
  );

  assert.equal((await relative.client.get(`/api/caseload`)).status, 200);
  const caseload = await relative.client.get<{ items: { episodeId: string }[] }>('/api/caseload?limit=200');
  assert.ok(!caseload.body.items.some((item) => item.episodeId === episodeId), 'not in the excluded member’s caseload');
});

test('a sensitive note: the peer specialist on the team sees that it exists, not its text; the counselor and supervisors read it', async () => {
  const { patientId } = await patientWithEpisode('Sensitiva');
  const logged = await counselor.client.post<Contact>(`/api/patients/${patientId}/contacts`, {
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 50,
    mode: 'office-visit',
    note: { structure: 'narrative', sections: { narrative: 'Counseling session: family history.' }, sensitive: true },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.body));
  const noteId = logged.body.note?.id ?? '';
  assert.equal(logged.body.note?.sensitive, true);
  const signed = await counselor.client.post(`/api/notes/${noteId}/signature`, { version: logged.body.note?.version });
  assert.equal(signed.status, 200, JSON.stringify(signed.body));

  // The note by id: 404 and an audited denial for the peer specialist and the case manager.
  for (const reader of [peer, cm]) {
    const refused = await reader.client.get(`/api/notes/${noteId}`);
    assert.equal(refused.status, 404);
  }
  assert.ok((await deniedRows(noteId)).length >= 2);
  for (const reader of [counselor, restricting]) assert.equal((await reader.client.get(`/api/notes/${noteId}`)).status, 200);

  // The list of the patient's contacts and the overview: the contact is there, its note hidden.
  const listed = await peer.client.get<{ items: Contact[] }>(`/api/patients/${patientId}/contacts`);
  assert.equal(listed.status, 200);
  const seen = listed.body.items.find((item) => item.id === logged.body.id);
  assert.deepEqual(
    { hidden: seen?.note?.hidden, sensitive: seen?.note?.sensitive, sections: seen?.note?.sections },
    { hidden: true, sensitive: true, sections: {} },
  );
  const overview = await peer.client.get<{ contacts: Contact[] }>(`/api/patients/${patientId}`);
  assert.deepEqual(overview.body.contacts.find((item) => item.id === logged.body.id)?.note?.sections, {});
  const mine = await counselor.client.get<{ items: Contact[] }>(`/api/patients/${patientId}/contacts`);
  assert.equal(
    mine.body.items.find((item) => item.id === logged.body.id)?.note?.sections['narrative'],
    'Counseling session: family history.',
  );

  // The timeline says a note was signed (no text in it, ever), for both.
  const timeline = await peer.client.get<{ items: { key: string }[] }>(`/api/patients/${patientId}/timeline`);
  assert.ok(timeline.body.items.some((item) => item.key === `note:${noteId}:signed`));
  // No write through a note one may not read either.
  assert.equal((await peer.client.post(`/api/notes/${noteId}/addenda`, { body: 'An addendum' })).status, 404);
});

test('every kind of patient data whose table has an episode_id declares it, so a restricted episode refuses it', async () => {
  const registry = buildRegistry(modules);
  const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const tables = await sql<{ table: string }>`
    SELECT table_name AS table FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'episode_id'`.execute(t.db);
  const withEpisode = new Set(tables.rows.map((row) => row.table));
  const missing = registry.patientRecords
    .filter((kind) => withEpisode.has(snake(kind.table)) && !kind.episodeColumn)
    .map((kind) => kind.table);
  assert.deepEqual(missing, []);
});

test('a merge never drops a restriction: a restricted record is not merged away, but may be the survivor', async () => {
  const restrictedOne = await patientWithEpisode('Mergeable');
  const other = await patientWithEpisode('Mergeable');
  const made = await restricting.client.request('PUT', `/api/patients/${restrictedOne.patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [relative.id],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const version = async (id: string) => (await restricting.client.get<{ version: number }>(`/api/patients/${id}`)).body.version;

  const away = await restricting.client.post<{ code: string }>(`/api/patients/${other.patientId}/merges`, {
    mergedPatientId: restrictedOne.patientId,
    version: await version(other.patientId),
    reason: 'same person',
  });
  assert.equal(away.status, 409, JSON.stringify(away.body));
  assert.equal(away.body.code, 'merge-restricted');

  const into = await restricting.client.post(`/api/patients/${restrictedOne.patientId}/merges`, {
    mergedPatientId: other.patientId,
    version: await version(restrictedOne.patientId),
    reason: 'same person',
  });
  assert.equal(into.status, 201, JSON.stringify(into.body));
  // The other record's data is now under the survivor's restriction: the excluded colleague, on both teams, sees neither.
  assert.equal((await relative.client.get(`/api/patients/${restrictedOne.patientId}`)).status, 404);
  assert.equal((await relative.client.get(`/api/patients/${other.patientId}`)).status, 404);
});

test('emergency access opens a restricted record to someone outside it, never to someone it excludes', async () => {
  const { patientId } = await patientWithEpisode('Glassford');
  const made = await restricting.client.request('PUT', `/api/patients/${patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [relative.id],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const reason = 'Emergency department called about an overdose tonight.';

  const excluded = await relative.client.post<{ code: string }>(`/api/patients/${patientId}/emergency-access`, {
    reason,
    currentPassword: relative.password,
  });
  assert.equal(excluded.status, 403, JSON.stringify(excluded.body));
  assert.equal(excluded.body.code, 'excluded-from-record');
  const kept = await t.db.selectFrom('emergencyAccessGrants').select('id').where('patientId', '=', patientId).execute();
  assert.deepEqual(kept, [], 'no grant is kept that opens nothing');
  assert.equal((await relative.client.get(`/api/patients/${patientId}`)).status, 404);

  assert.equal((await otherSupervisor.client.get(`/api/patients/${patientId}`)).status, 404);
  const opened = await otherSupervisor.client.post(`/api/patients/${patientId}/emergency-access`, {
    reason,
    currentPassword: otherSupervisor.password,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  assert.equal((await otherSupervisor.client.get(`/api/patients/${patientId}`)).status, 200);
});

test('My caseload admits exactly the rows the whole access predicate admits, for everyone around restricted records', async () => {
  // The caseload asks of a row's patient only what its own membership leaves open
  // (patientOfMyTeamVisibleTo); here the whole predicate decides beside it.
  const patientRestricted = await patientWithEpisode('Equivalson');
  const episodeRestricted = await patientWithEpisode('Equivalsen');
  const plain = await patientWithEpisode('Equivalsan');
  const byPatient = await restricting.client.request('PUT', `/api/patients/${patientRestricted.patientId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [relative.id],
  });
  assert.equal(byPatient.status, 201, JSON.stringify(byPatient.body));
  const byEpisode = await restricting.client.request('PUT', `/api/episodes/${episodeRestricted.episodeId}/restriction`, {
    reason: 'staff-relative',
    allowedUserIds: [],
    excludedUserIds: [counselor.id],
  });
  assert.equal(byEpisode.status, 201, JSON.stringify(byEpisode.body));
  const ours = [patientRestricted.episodeId, episodeRestricted.episodeId, plain.episodeId];
  const actorOf = (who: typeof cm): Actor => ({
    userId: who.id,
    organizationId: org.id,
    timeZone: org.timeZone,
    email: null,
    displayName: '',
    roles: who.roles,
    locale: 'en',
    sessionId: null,
    apiKeyId: null,
    apiKeyCreatedBy: null,
  });
  let shownInAll = 0;
  for (const who of [cm, relative, counselor, peer, restricting, otherSupervisor]) {
    const actor = actorOf(who);
    const shown = (await caseloadQuery(t.db, actor, {}, today, 200).execute())
      .map((row) => row.episodeId)
      .filter((id) => ours.includes(id));
    const admitted = (
      await t.db
        .selectFrom('careTeamMembers as m')
        .innerJoin('episodes as e', 'e.id', 'm.episodeId')
        .innerJoin('patients as p', 'p.id', 'e.patientId')
        .select('e.id')
        .where(currentMember('m', who.id, today))
        .where('e.closedOn', 'is', null)
        .where(patientVisibleTo(actor, today, 'p'))
        .where(episodeVisibleTo(actor, today, 'e.id'))
        .where('e.id', 'in', ours)
        .execute()
    ).map((row) => row.id);
    assert.deepEqual([...shown].sort(), [...admitted].sort(), who.roles.join());
    shownInAll += shown.length;
  }
  // Not vacuous: the team sees some of them, and the restrictions hide others.
  assert.equal(
    (await caseloadQuery(t.db, actorOf(relative), {}, today, 200).execute()).some((row) => row.episodeId === patientRestricted.episodeId),
    false,
  );
  assert.equal(
    (await caseloadQuery(t.db, actorOf(counselor), {}, today, 200).execute()).some((row) => row.episodeId === episodeRestricted.episodeId),
    false,
  );
  assert.ok(shownInAll >= 10, `${shownInAll} rows shown in all`);
});
