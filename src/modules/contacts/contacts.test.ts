import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../../../test/support/app.ts';
import { signedIn } from '../../../test/support/client.ts';
import { addMembership, makeOrganization, makePatient, makeProgram, makeUser } from '../../../test/support/factories.ts';
import type { RequestContext } from '../../lib/context.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import { contactsModule } from './module.ts';

/**
 * Contacts and notes: the field rules (minutes, no future), signed notes never edited, two
 * writers of one draft, addenda and co-signatures, the cadence and the next due date, the
 * outsider's audited 404, and the timeline and Today sources called directly.
 */
const t = await startTestApp();
const org = await makeOrganization(t.db);
const program = await makeProgram(t.db, org.id);
const today = todayIn(org.timeZone);
const cmMade = await makeUser(t.db, org.id, { roles: ['case-manager'], displayName: 'Rosa Delgado' });
await t.db.updateTable('users').set({ credential: 'LCSW' }).where('id', '=', cmMade.user.id).execute();
const supervisorMade = await makeUser(t.db, org.id, { roles: ['supervisor'] });
const outsiderMade = await makeUser(t.db, org.id, { roles: ['case-manager'] });
for (const person of [cmMade, supervisorMade, outsiderMade]) await addMembership(t.db, org.id, program.id, person.user.id);
const cm = await signedIn(t.app, cmMade);
const supervisor = await signedIn(t.app, supervisorMade);
const outsider = await signedIn(t.app, outsiderMade);

interface Note {
  id: string;
  status: string;
  version: number;
  sections: Record<string, string>;
  addenda: { body: string; author: { id: string } }[];
  cosignedBy: { id: string; name: string } | null;
}
const errorsOf = (body: Record<string, unknown>) => (body['errors'] ?? []) as { path: string; code: string }[];
interface Contact {
  id: string;
  occurredAt: string;
  version: number;
  successful: boolean;
  staffCredential: string | null;
  activities: string[];
  note: Note | null;
}
interface Status {
  lastContactAt: string | null;
  unansweredAttempts: number;
  nextDueOn: string | null;
  cadenceDays: number | null;
}

async function episode(phase = 'primary-treatment', openedOn = addDays(today, -30)) {
  const patient = await makePatient(t.db, org.id, cmMade.user.id);
  const opened = await cm.post<{ id: string }>(`/api/patients/${patient.id}/episodes`, {
    programId: program.id,
    referralSource: 'self',
    openedOn,
    phase: phase === 'primary-treatment' ? 'intake' : phase,
    primaryCaseManagerId: cmMade.user.id,
  });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  if (phase === 'primary-treatment') {
    const moved = await cm.post(`/api/episodes/${opened.body.id}/transitions`, { to: 'primary-treatment', on: openedOn, version: 1 });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }
  return { patientId: patient.id, episodeId: opened.body.id };
}

type Made = Awaited<ReturnType<typeof makeUser>>;
const contextOf = (made: Made) =>
  ({
    actor: {
      userId: made.user.id,
      organizationId: org.id,
      timeZone: org.timeZone,
      email: made.user.email,
      displayName: made.user.displayName,
      roles: made.user.roles,
      locale: 'en',
      sessionId: null,
      apiKeyId: null,
      apiKeyCreatedBy: null,
    },
  }) as unknown as RequestContext;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function log(patientId: string, extra: Record<string, unknown> = {}) {
  const made = await cm.post<Contact>(`/api/patients/${patientId}/contacts`, {
    occurredAt: hoursAgo(1),
    durationMinutes: 20,
    mode: 'phone',
    activities: ['monitoring', 'planning'],
    note: { structure: 'dap', sections: { data: 'Talked about the week.' } },
    ...extra,
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  return made.body;
}

const status = async (episodeId: string) => (await cm.get<{ status: Status }>(`/api/episodes/${episodeId}/contacts`)).body.status;

test('minutes outside 1–1440 and a contact in the future are 400s naming the field', async () => {
  const { patientId } = await episode();
  for (const minutes of [0, 1441]) {
    const refused = await cm.post(`/api/patients/${patientId}/contacts`, {
      occurredAt: hoursAgo(1),
      durationMinutes: minutes,
      mode: 'phone',
    });
    assert.equal(refused.status, 400);
    assert.equal(errorsOf(refused.body)[0]?.path, '/durationMinutes', JSON.stringify(refused.body));
  }
  const future = await cm.post(`/api/patients/${patientId}/contacts`, { occurredAt: hoursAgo(-2), durationMinutes: 10, mode: 'phone' });
  assert.equal(future.status, 400);
  assert.deepEqual(
    errorsOf(future.body).map((error) => [error.path, error.code]),
    [['/occurredAt', 'in-the-future']],
  );
});

test('a contact records the credential held at the time, for billing', async () => {
  const { patientId } = await episode();
  const contact = await log(patientId);
  assert.equal(contact.staffCredential, 'LCSW');
  // An admin records a new credential on the staff record (PATCH /api/users/{id}).
  const adminMade = await makeUser(t.db, org.id, { roles: ['admin'] });
  const admin = await signedIn(t.app, adminMade);
  const staff = await admin.get<{ version: number; credential: string | null }>(`/api/users/${cmMade.user.id}`);
  assert.equal(staff.body.credential, 'LCSW');
  const updated = await admin.patch<{ credential: string }>(`/api/users/${cmMade.user.id}`, {
    version: staff.body.version,
    credential: 'LCSW-C',
  });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.equal(updated.body.credential, 'LCSW-C');
  const again = await cm.get<Contact>(`/api/contacts/${contact.id}`);
  assert.equal(again.body.staffCredential, 'LCSW', 'a later credential does not rewrite the contact');
  // Who logged it changes it while the note is unsigned; a stale version is 409.
  const changed = await cm.patch<Contact>(
    `/api/contacts/${contact.id}`,
    { durationMinutes: 35, activities: ['advocacy'] },
    {
      headers: { 'if-match': `"${contact.version}"` },
    },
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(changed.body.activities, ['advocacy']);
  const stale = await cm.patch(`/api/contacts/${contact.id}`, { version: contact.version, durationMinutes: 40 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.code, 'stale-version');
  const bySupervisor = await supervisor.patch(`/api/contacts/${contact.id}`, { version: changed.body.version, durationMinutes: 40 });
  assert.equal(bySupervisor.status, 403);
  // The patient page shows the newest contacts.
  const overview = await cm.get<{ contacts: { id: string }[] }>(`/api/patients/${patientId}`);
  assert.equal(overview.body.contacts[0]?.id, contact.id);
  await t.db.updateTable('users').set({ credential: 'LCSW' }).where('id', '=', cmMade.user.id).execute();
});

test('a signed note refuses edits with the rule named; an addendum corrects it; a supervisor co-signs', async () => {
  const { patientId } = await episode();
  const contact = await log(patientId);
  const note = contact.note!;
  const saved = await cm.patch<Note>(
    `/api/notes/${note.id}`,
    { sections: { data: 'D', assessment: 'A', plan: 'P' } },
    { headers: { 'if-match': '"1"' } },
  );
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const signed = await cm.post<Note>(`/api/notes/${note.id}/signature`, { version: saved.body.version });
  assert.equal(signed.status, 200);
  assert.equal(signed.body.status, 'signed');
  const edit = await cm.patch(`/api/notes/${note.id}`, { version: signed.body.version, sections: { data: 'changed' } });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.code, 'note-signed');
  const contactEdit = await cm.patch(`/api/contacts/${contact.id}`, { version: contact.version, durationMinutes: 90 });
  assert.equal(contactEdit.status, 409);
  assert.equal(contactEdit.body.code, 'note-signed');
  const resign = await cm.post(`/api/notes/${note.id}/signature`, { version: signed.body.version });
  assert.equal(resign.body.code, 'note-signed');
  const amended = await cm.post<Note>(`/api/notes/${note.id}/addenda`, { body: 'The call lasted 30 minutes, not 20.' });
  assert.equal(amended.status, 201);
  assert.equal(amended.body.addenda.length, 1);
  assert.equal(amended.body.sections.data, 'D', 'the signed text is as it was');
  const byOutsider = await outsider.post(`/api/notes/${note.id}/addenda`, { body: 'x' });
  assert.equal(byOutsider.status, 404);
  const ownCosign = await cm.post(`/api/notes/${note.id}/cosignature`, { version: amended.body.version });
  assert.equal(ownCosign.status, 403);
  const cosigned = await supervisor.post<Note>(`/api/notes/${note.id}/cosignature`, { version: amended.body.version });
  assert.equal(cosigned.status, 200, JSON.stringify(cosigned.body));
  assert.equal(cosigned.body.cosignedBy?.id, supervisorMade.user.id);
  assert.equal(cosigned.body.cosignedBy?.name, supervisorMade.user.displayName);
  // The patient's page reads the same note with the overview's named statement: the co-signer's name too.
  const overview = await cm.get<{ contacts: { id: string; note: Note | null }[] }>(`/api/patients/${patientId}`);
  const shown = overview.body.contacts.find((row) => row.note?.id === note.id);
  assert.equal(shown?.note?.cosignedBy?.name, supervisorMade.user.displayName);
  const bySupervisor = await supervisor.post<Note>(`/api/notes/${note.id}/addenda`, { body: 'Reviewed.' });
  assert.equal(bySupervisor.status, 201);
});

test('two writers of one draft: the second gets 409 with the first’s text, which is kept', async () => {
  const { patientId } = await episode();
  const note = (await log(patientId)).note!;
  const first = await cm.patch<Note>(`/api/notes/${note.id}`, { version: note.version, sections: { data: 'First tab’s text' } });
  assert.equal(first.status, 200);
  const second = await cm.patch<{ code: string; current: Note }>(`/api/notes/${note.id}`, {
    version: note.version,
    sections: { data: 'Second tab’s text' },
  });
  assert.equal(second.status, 409);
  assert.equal(second.body.code, 'stale-version');
  assert.equal(second.body.current.sections.data, 'First tab’s text');
  const now = await cm.get<Note>(`/api/notes/${note.id}`);
  assert.equal(now.body.sections.data, 'First tab’s text');
  assert.equal(now.headers.etag, `"${first.body.version}"`);
  const wrongSection = await cm.patch(`/api/notes/${note.id}`, { version: first.body.version, sections: { subjective: 'x' } });
  assert.equal(wrongSection.status, 400);
  assert.equal(errorsOf(wrongSection.body)[0]?.code, 'unknown-section');
});

test('a contact for a patient the user cannot see is 404 and audited', async () => {
  const { patientId } = await episode();
  const refused = await outsider.post(
    `/api/patients/${patientId}/contacts`,
    { occurredAt: hoursAgo(1), durationMinutes: 10, mode: 'phone' },
    { headers: { 'x-request-id': 'contacts-outsider-1' } },
  );
  assert.equal(refused.status, 404);
  const rows = await t.db
    .selectFrom('auditEvents')
    .select(['action', 'patientId'])
    .where('requestId', '=', 'contacts-outsider-1')
    .execute();
  assert.deepEqual(rows, [{ action: 'access-denied', patientId }]);
  const count = await t.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('patientId', '=', patientId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0);
});

test('attempts count until a contact is made; the next due date follows the cadence of the phase', async () => {
  const { patientId, episodeId } = await episode('primary-treatment', addDays(today, -20));
  const before = await status(episodeId);
  assert.equal(before.lastContactAt, null);
  assert.equal(before.cadenceDays, 7);
  assert.equal(before.nextDueOn, addDays(today, -13), 'no contact yet: due a cadence after admission');
  const attempt = (hours: number) =>
    log(patientId, { mode: 'attempted-not-reached', durationMinutes: 2, occurredAt: hoursAgo(hours), note: undefined });
  await attempt(50);
  await attempt(26);
  const tried = await status(episodeId);
  assert.equal(tried.unansweredAttempts, 2);
  assert.equal(tried.lastContactAt, null);
  const made = await log(patientId, { occurredAt: hoursAgo(2) });
  assert.equal(made.successful, true);
  const after = await status(episodeId);
  assert.equal(after.unansweredAttempts, 0);
  assert.equal(after.lastContactAt, made.occurredAt);
  const lastDay = todayIn(org.timeZone, new Date(made.occurredAt));
  assert.equal(after.nextDueOn, addDays(lastDay, 7));
  // A program sets its own cadence (a supervisor of it, versioned).
  const cadence = await supervisor.request<{ version: number }>('PUT', `/api/programs/${program.id}/contact-cadence`, {
    version: 0,
    outreach: 3,
    intake: 5,
    primaryTreatment: 10,
    continuingCare: 21,
  });
  assert.equal(cadence.status, 200, JSON.stringify(cadence.body));
  const stale = await supervisor.request('PUT', `/api/programs/${program.id}/contact-cadence`, {
    version: 0,
    outreach: 3,
    intake: 5,
    primaryTreatment: 10,
    continuingCare: 21,
  });
  assert.equal(stale.status, 409);
  const byCaseManager = await cm.request('PUT', `/api/programs/${program.id}/contact-cadence`, {
    version: 1,
    outreach: 3,
    intake: 5,
    primaryTreatment: 8,
    continuingCare: 21,
  });
  assert.equal(byCaseManager.status, 403);
  assert.equal((await status(episodeId)).nextDueOn, addDays(lastDay, 10));
  // Entered in error: kept, marked, and no longer counts.
  const undone = await cm.post<Contact>(`/api/contacts/${made.id}/entered-in-error`, { version: made.version, reason: 'Wrong patient' });
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  assert.equal((await status(episodeId)).unansweredAttempts, 2);
  const reset = await supervisor.request('PUT', `/api/programs/${program.id}/contact-cadence`, {
    version: 1,
    outreach: 7,
    intake: 7,
    primaryTreatment: 7,
    continuingCare: 14,
  });
  assert.equal(reset.status, 200);
});

test('the timeline and Today sources', async () => {
  const { patientId, episodeId } = await episode('primary-treatment', addDays(today, -40));
  const contact = await log(patientId, { occurredAt: hoursAgo(24 * 12) });
  const ctx = contextOf(cmMade);
  const signed = await cm.post<Note>(`/api/notes/${contact.note!.id}/signature`, { version: contact.note!.version });
  assert.equal(signed.status, 200);
  const entries = await contactsModule.timeline!.load(t.db, ctx, { patientId, kinds: ['contact', 'note'], before: null, limit: 10 });
  assert.deepEqual(
    entries.map((entry) => [entry.kind, entry.summary.code]),
    [
      ['note', 'note-signed'],
      ['contact', 'contact-logged'],
    ],
  );
  const older = await contactsModule.timeline!.load(t.db, ctx, { patientId, kinds: ['contact', 'note'], before: entries[0]!, limit: 10 });
  assert.deepEqual(
    older.map((entry) => entry.key),
    [`contact:${contact.id}`],
  );
  const draft = await log(patientId, { occurredAt: hoursAgo(30 * 24), note: { structure: 'narrative' } });
  const items = await contactsModule.today!.load(t.db, ctx, { staffIds: [cmMade.user.id], now: new Date(), timeZone: org.timeZone });
  const due = items.find((item) => item.kind === 'contact-due' && item['episodeId'] === episodeId);
  assert.ok(due, 'twelve days since the last contact at a weekly cadence: due');
  assert.equal(due.patientId, patientId);
  assert.ok(items.some((item) => item.kind === 'unsigned-draft' && item['noteId'] === draft.note!.id));
  const theirs = await contactsModule.today!.load(t.db, contextOf(outsiderMade), {
    staffIds: [cmMade.user.id],
    now: new Date(),
    timeZone: org.timeZone,
  });
  assert.equal(theirs.length, 0, 'only patients the reader may see');
});

test('a merge moves contacts, their notes and addenda to the survivor, and its undo moves them back', async () => {
  const survivor = await makePatient(t.db, org.id, cmMade.user.id);
  const { patientId: twinId } = await episode();
  const withEpisode = await log(twinId);
  const signed = await cm.post<Note>(`/api/notes/${withEpisode.note!.id}/signature`, { version: withEpisode.note!.version });
  assert.equal((await cm.post(`/api/notes/${signed.body.id}/addenda`, { body: 'Later detail.' })).status, 201);
  const withoutEpisode = await log(twinId, { episodeId: null, note: undefined });
  const current = await cm.get<{ version: number }>(`/api/patients/${survivor.id}`);
  const merged = await cm.post<{ id: string }>(`/api/patients/${survivor.id}/merges`, {
    mergedPatientId: twinId,
    version: current.body.version,
    reason: 'Same person.',
  });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));
  const owners = async () =>
    [
      ...(await t.db.selectFrom('contacts').select('patientId').where('id', 'in', [withEpisode.id, withoutEpisode.id]).execute()),
      ...(await t.db.selectFrom('contactNotes').select('patientId').where('contactId', '=', withEpisode.id).execute()),
      ...(await t.db.selectFrom('noteAddenda').select('patientId').where('noteId', '=', signed.body.id).execute()),
    ].map((row) => row.patientId);
  assert.deepEqual(await owners(), [survivor.id, survivor.id, survivor.id, survivor.id]);
  assert.equal((await cm.post(`/api/patient-merges/${merged.body.id}/undo`)).status, 200);
  assert.deepEqual(await owners(), [twinId, twinId, twinId, twinId]);
});
