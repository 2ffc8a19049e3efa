import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, forbidden } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import { episodeKind } from '../episodes/records.ts';
import { patientKind } from '../patients/records.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import { NOTE_SECTIONS, type NoteStructure } from './codes.ts';
import { addendaQuery, cadenceDaysSql, contactsQuery, nextDueSql, notesQuery, refreshEpisodeContacts } from './queries.ts';
import { presentContact, presentNote, type ContactView, type NoteView } from './presenter.ts';
import { contactKind } from './records.ts';
import type { ContactListQuery, CreateContactBody, EnteredInErrorBody, UpdateContactBody } from './schemas.ts';

/** A phone's clock may run a little ahead of the server's: a contact up to this far ahead is "now". */
const CLOCK_SKEW_MS = 2 * 60_000;

function checkOccurredAt(value: string, path = '/occurredAt'): Date {
  const at = new Date(value);
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw fieldError(path, 'in-the-future', 'cannot be in the future');
  return at;
}

/** The sections a structure allows, trimmed of nothing (a draft keeps what was typed). */
export function checkSections(structure: NoteStructure, sections: Record<string, string> | undefined): Record<string, string> {
  const allowed = NOTE_SECTIONS[structure];
  for (const key of Object.keys(sections ?? {}))
    if (!(allowed as readonly string[]).includes(key))
      throw fieldError(`/sections/${key}`, 'unknown-section', `is not a section of a ${structure} note`, { section: key });
  return sections ?? {};
}

/** Contacts with their notes and addenda, in the order given. */
async function loadContacts(executor: Executor, reader: Actor, rows: Awaited<ReturnType<ReturnType<typeof contactsQuery>['execute']>>) {
  if (rows.length === 0) return [];
  const notes = await notesQuery(executor, reader)
    .where(
      'n.contactId',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  const addenda = notes.length
    ? await addendaQuery(
        executor,
        notes.map((note) => note.id),
      ).execute()
    : [];
  const noteOf = new Map<string, NoteView>(
    notes.map((note) => [
      note.contactId,
      presentNote(
        note,
        addenda.filter((addendum) => addendum.noteId === note.id),
      ),
    ]),
  );
  return rows.map((row) => presentContact(row, noteOf.get(row.id) ?? null));
}

async function loadContact(executor: Executor, reader: Actor, id: string): Promise<ContactView> {
  const [view] = await loadContacts(executor, reader, await contactsQuery(executor, { ids: [id] }, 1).execute());
  if (!view) throw new Error(`contact ${id} vanished inside its transaction`);
  return view;
}

/** The actor supervises the program of the episode (or, for a contact without one, of any of the patient's episodes). */
export async function supervisesContact(executor: Executor, actor: Actor, patientId: string, episodeId: string | null): Promise<boolean> {
  if (!actor.roles.includes('supervisor')) return false;
  const row = await executor
    .selectFrom('episodes as e')
    .innerJoin('programMemberships as pm', 'pm.programId', 'e.programId')
    .select('e.id')
    .where('pm.userId', '=', actor.userId)
    .where(episodeId ? sql<boolean>`e.id = ${episodeId}` : sql<boolean>`e.patient_id = ${patientId}`)
    .executeTakeFirst();
  return row !== undefined;
}

async function checkEpisodeOfPatient(tx: Transaction<DB>, patientId: string, episodeId: string): Promise<void> {
  const episode = await tx
    .selectFrom('episodes')
    .select('id')
    .where('id', '=', episodeId)
    .where('patientId', '=', patientId)
    .executeTakeFirst();
  if (!episode) throw fieldError('/episodeId', 'episode-of-another-patient', 'is not an episode of this patient');
}

/** Logs a contact (and, optionally, starts its note as a draft by the one logging it). */
export async function createContact(db: Database, ctx: RequestContext, patientId: string, input: CreateContactBody): Promise<ContactView> {
  return withPatientRecord(db, ctx, patientKind, patientId, async (tx, audit, record) => {
    // Checked after the access check: someone who may not see the patient learns nothing, not even a 400.
    const occurredAt = checkOccurredAt(input.occurredAt);
    const sections = input.note ? checkSections(input.note.structure, input.note.sections) : null;
    let episodeId = input.episodeId ?? null;
    if (episodeId) await checkEpisodeOfPatient(tx, record.patientId, episodeId);
    else if (input.episodeId === undefined) {
      // Not said: the patient's one open episode, if there is exactly one.
      const open = await tx
        .selectFrom('episodes')
        .select('id')
        .where('patientId', '=', record.patientId)
        .where('closedOn', 'is', null)
        .execute();
      if (open.length === 1) episodeId = open[0]!.id;
    }
    const staff = await tx.selectFrom('users').select(['credential', 'roles']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
    const id = newId();
    await tx
      .insertInto('contacts')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId: record.patientId,
        episodeId,
        occurredAt,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        location: input.location?.trim() ?? null,
        participants: input.participants?.trim() ?? null,
        patientTookPart: input.patientTookPart ?? input.mode !== 'collateral-contact',
        collaterals: input.collaterals?.map((name) => name.trim()) ?? [],
        activities: input.activities ?? [],
        staffId: ctx.actor.userId,
        staffCredential: staff.credential,
        staffRoles: staff.roles,
      })
      .execute();
    await audit({ action: 'create', recordType: 'contact', recordId: id, details: { mode: input.mode, episodeId } });
    if (input.note && sections) {
      const noteId = newId();
      await tx
        .insertInto('contactNotes')
        .values({
          id: noteId,
          organizationId: ctx.actor.organizationId,
          patientId: record.patientId,
          contactId: id,
          structure: input.note.structure,
          sections: JSON.stringify(sections),
          authorId: ctx.actor.userId,
          sensitive: input.note.sensitive ?? false,
        })
        .execute();
      await audit({
        action: 'create',
        recordType: 'note',
        recordId: noteId,
        details: { contactId: id, structure: input.note.structure, sensitive: input.note.sensitive ?? false },
      });
    }
    await refreshEpisodeContacts(tx, record.patientId);
    return loadContact(tx, ctx.actor, id);
  });
}

export async function getContact(db: Database, ctx: RequestContext, id: string): Promise<ContactView> {
  return readPatientRecord(db, ctx, contactKind, id, (tx) => loadContact(tx, ctx.actor, id));
}

/** A patient's contacts, newest first, paged by cursor (entered-in-error ones included, marked). */
export async function listPatientContacts(db: Database, ctx: RequestContext, patientId: string, query: ContactListQuery) {
  const limit = query.limit ?? 50;
  return readPatientRecord(db, ctx, patientKind, patientId, async (tx, record) => {
    let select = contactsQuery(tx, { patientId: record.patientId, visibleTo: ctx.actor }, limit + 1);
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    if (after) select = select.where(sql<boolean>`(c.occurred_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await select.execute();
    const more = rows.length > limit;
    const items = await loadContacts(tx, ctx.actor, rows.slice(0, limit));
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor([last.occurredAt, last.id]) : null };
  });
}

/** An episode's contact status: last successful contact, failed attempts since, and the next due date. */
async function episodeContactStatus(executor: Executor, ctx: RequestContext, episodeId: string) {
  const row = await executor
    .selectFrom('episodes as e')
    .leftJoin('programContactCadences as k', 'k.programId', 'e.programId')
    .select(['e.lastContactAt', 'e.unansweredAttempts', 'e.firstUnansweredAt'])
    .select(cadenceDaysSql('e', 'k').as('cadenceDays'))
    .select(nextDueSql('e', 'k', ctx.actor.timeZone).as('nextDueOn'))
    .where('e.id', '=', episodeId)
    .executeTakeFirstOrThrow();
  return {
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    unansweredAttempts: row.unansweredAttempts,
    firstUnansweredAt: row.firstUnansweredAt?.toISOString() ?? null,
    cadenceDays: row.cadenceDays,
    nextDueOn: row.nextDueOn,
  };
}

/** The episode screen's section (inside its audited read): the status and the ten newest contacts. */
export async function presentEpisodeContacts(executor: Executor, ctx: RequestContext, episodeId: string) {
  const rows = await contactsQuery(executor, { episodeId, visibleTo: ctx.actor }, 10).execute();
  return { status: await episodeContactStatus(executor, ctx, episodeId), recent: await loadContacts(executor, ctx.actor, rows) };
}

/** The patient overview's part (inside its audited read): the five newest contacts. */
export async function presentRecentContacts(executor: Executor, ctx: RequestContext, patientId: string) {
  return loadContacts(executor, ctx.actor, await contactsQuery(executor, { patientId, visibleTo: ctx.actor }, 5).execute());
}

export async function listEpisodeContacts(db: Database, ctx: RequestContext, episodeId: string) {
  return readPatientRecord(db, ctx, episodeKind, episodeId, (tx) => presentEpisodeContacts(tx, ctx, episodeId));
}

async function lockedContact(tx: Transaction<DB>, id: string, version: number) {
  const current = checkVersion(await tx.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst(), version);
  if (current.enteredInErrorAt) throw conflict('contact-entered-in-error', 'This contact was entered in error; it is kept as it was.');
  return current;
}

/**
 * Edits a contact's facts: only by who logged it, and only while its note is unsigned (a signed
 * note vouches for the time, minutes and activities as they were).
 */
export async function updateContact(db: Database, ctx: RequestContext, id: string, version: number, input: UpdateContactBody) {
  return withPatientRecord(db, ctx, contactKind, id, async (tx, audit, record) => {
    const occurredAt = input.occurredAt !== undefined ? checkOccurredAt(input.occurredAt) : undefined;
    const current = await lockedContact(tx, id, version);
    if (current.staffId !== ctx.actor.userId) throw forbidden('not-contact-author', 'Only who logged a contact changes it.');
    const note = await tx.selectFrom('contactNotes').select('status').where('contactId', '=', id).executeTakeFirst();
    if (note?.status === 'signed') throw conflict('note-signed', 'Its note is signed: add an addendum instead.');
    const { version: _version, occurredAt: _at, ...fields } = input;
    await tx
      .updateTable('contacts')
      .set({
        ...fields,
        ...(occurredAt ? { occurredAt } : {}),
        ...(fields.location !== undefined ? { location: fields.location?.trim() ?? null } : {}),
        ...(fields.participants !== undefined ? { participants: fields.participants?.trim() ?? null } : {}),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'contact', recordId: id, details: { fields: Object.keys(fields) } });
    await refreshEpisodeContacts(tx, record.patientId);
    return loadContact(tx, ctx.actor, id);
  });
}

/** Soft delete: the contact is kept, marked entered in error with who, when and why; it no longer counts. */
export async function markEnteredInError(db: Database, ctx: RequestContext, id: string, version: number, input: EnteredInErrorBody) {
  return withPatientRecord(db, ctx, contactKind, id, async (tx, audit, record) => {
    const current = await lockedContact(tx, id, version);
    if (current.staffId !== ctx.actor.userId && !(await supervisesContact(tx, ctx.actor, record.patientId, current.episodeId)))
      throw forbidden('not-contact-author', 'Only who logged a contact, or a supervisor of its program, marks it entered in error.');
    await tx
      .updateTable('contacts')
      .set({
        enteredInErrorAt: new Date(),
        enteredInErrorBy: ctx.actor.userId,
        enteredInErrorReason: input.reason.trim(),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'delete', recordType: 'contact', recordId: id, details: { enteredInError: true } });
    await refreshEpisodeContacts(tx, record.patientId);
    return loadContact(tx, ctx.actor, id);
  });
}
