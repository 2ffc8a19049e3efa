import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, forbidden, notFound, Problem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { readPatientRecord, withPatientRecord } from '../patients/access.ts';
import { presentNote, type NoteView } from './presenter.ts';
import { addendaQuery, notesQuery } from './queries.ts';
import { contactKind, noteKind } from './records.ts';
import type { AddendumBody, CreateNoteBody, SaveDraftBody } from './schemas.ts';
import { checkSections, supervisesContact } from './service.ts';

/**
 * Notes on contacts (docs/contacts.md): a draft autosaves; its author signs it; a signed note
 * never changes again — a dated addendum (author or a supervisor of the program) corrects it,
 * and a supervisor may co-sign it.
 */
async function loadNote(executor: Executor, ctx: RequestContext, id: string): Promise<NoteView> {
  const row = await notesQuery(executor, ctx.actor).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return presentNote(row, await addendaQuery(executor, [id]).execute());
}

const signed = () => conflict('note-signed', 'A signed note is never edited: add a dated addendum instead.');

/**
 * A stale autosave: the answer carries the note as the server has it, so the editor shows both
 * texts and the writer chooses; nothing is overwritten.
 */
const staleDraft = (current: NoteView) =>
  new Problem(409, 'stale-version', 'The record was changed by someone else', 'The note was saved elsewhere since you read it.', {
    extensions: { currentVersion: current.version, current },
  });

async function lockedNote(tx: Transaction<DB>, id: string) {
  const row = await tx.selectFrom('contactNotes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function createNote(db: Database, ctx: RequestContext, contactId: string, input: CreateNoteBody): Promise<NoteView> {
  return withPatientRecord(db, ctx, contactKind, contactId, async (tx, audit, record) => {
    const sections = checkSections(input.structure, input.sections);
    const contact = await tx.selectFrom('contacts').select('enteredInErrorAt').where('id', '=', contactId).executeTakeFirstOrThrow();
    if (contact.enteredInErrorAt) throw conflict('contact-entered-in-error', 'This contact was entered in error.');
    const existing = await tx.selectFrom('contactNotes').select('id').where('contactId', '=', contactId).executeTakeFirst();
    if (existing) throw conflict('note-exists', 'This contact has a note already.', { extensions: { noteId: existing.id } });
    const id = newId();
    await tx
      .insertInto('contactNotes')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        patientId: record.patientId,
        contactId,
        structure: input.structure,
        sections: JSON.stringify(sections),
        authorId: ctx.actor.userId,
        sensitive: input.sensitive ?? false,
      })
      .execute();
    await audit({
      action: 'create',
      recordType: 'note',
      recordId: id,
      details: { contactId, structure: input.structure, sensitive: input.sensitive ?? false },
    });
    return loadNote(tx, ctx, id);
  });
}

export async function getNote(db: Database, ctx: RequestContext, id: string): Promise<NoteView> {
  return readPatientRecord(db, ctx, noteKind, id, (tx) => loadNote(tx, ctx, id));
}

/**
 * Autosave of a draft by its author: the sent sections replace the text. The version is read
 * after the access check (`versionOf` may refuse a missing one): an outsider only ever gets 404.
 */
export async function saveDraft(
  db: Database,
  ctx: RequestContext,
  id: string,
  versionOf: () => number,
  input: SaveDraftBody,
): Promise<NoteView> {
  return withPatientRecord(db, ctx, noteKind, id, async (tx, audit) => {
    const current = await lockedNote(tx, id);
    const version = versionOf();
    if (current.status === 'signed') throw signed();
    if (current.authorId !== ctx.actor.userId) throw forbidden('not-note-author', 'Only the author writes a draft.');
    if (current.version !== version) throw staleDraft(await loadNote(tx, ctx, id));
    const sections = checkSections(current.structure, input.sections);
    await tx
      .updateTable('contactNotes')
      .set({
        sections: JSON.stringify(sections),
        ...(input.sensitive === undefined ? {} : { sensitive: input.sensitive }),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .execute();
    // Which sections, never their text.
    await audit({
      action: 'update',
      recordType: 'note',
      recordId: id,
      details: { sections: Object.keys(sections), ...(input.sensitive === undefined ? {} : { sensitive: input.sensitive }) },
    });
    return loadNote(tx, ctx, id);
  });
}

export async function signNote(db: Database, ctx: RequestContext, id: string, version: number): Promise<NoteView> {
  return withPatientRecord(db, ctx, noteKind, id, async (tx, audit) => {
    const current = checkVersion(await lockedNote(tx, id), version);
    if (current.status === 'signed') throw signed();
    if (current.authorId !== ctx.actor.userId) throw forbidden('not-note-author', 'Only the author signs a note.');
    await tx
      .updateTable('contactNotes')
      .set({ status: 'signed', signedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'note', recordId: id, details: { status: 'signed' } });
    return loadNote(tx, ctx, id);
  });
}

async function contactOf(tx: Transaction<DB>, contactId: string) {
  return tx.selectFrom('contacts').select(['patientId', 'episodeId']).where('id', '=', contactId).executeTakeFirstOrThrow();
}

export async function cosignNote(db: Database, ctx: RequestContext, id: string, version: number): Promise<NoteView> {
  return withPatientRecord(db, ctx, noteKind, id, async (tx, audit) => {
    const current = checkVersion(await lockedNote(tx, id), version);
    const contact = await contactOf(tx, current.contactId);
    if (!(await supervisesContact(tx, ctx.actor, contact.patientId, contact.episodeId)))
      throw forbidden('not-program-supervisor', 'Only a supervisor of the program co-signs a note.');
    if (current.authorId === ctx.actor.userId) throw conflict('own-note', 'A note is co-signed by someone other than its author.');
    if (current.status !== 'signed') throw conflict('note-not-signed', 'A note is co-signed after its author signs it.');
    if (current.cosignedAt) throw conflict('already-cosigned', 'This note is co-signed already.');
    await tx
      .updateTable('contactNotes')
      .set({ cosignedBy: ctx.actor.userId, cosignedAt: new Date(), ...nextVersion() })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'update', recordType: 'note', recordId: id, details: { cosigned: true } });
    return loadNote(tx, ctx, id);
  });
}

/** A dated addendum to a signed note, by its author or a supervisor of the program; never edited after. */
export async function addAddendum(db: Database, ctx: RequestContext, id: string, input: AddendumBody): Promise<NoteView> {
  return withPatientRecord(db, ctx, noteKind, id, async (tx, audit, record) => {
    const current = await lockedNote(tx, id);
    if (current.status !== 'signed') throw conflict('note-not-signed', 'A draft is edited, not amended: sign it first.');
    const contact = await contactOf(tx, current.contactId);
    if (current.authorId !== ctx.actor.userId && !(await supervisesContact(tx, ctx.actor, contact.patientId, contact.episodeId)))
      throw forbidden('not-note-author', 'Only the author or a supervisor of the program adds an addendum.');
    const addendumId = newId();
    await tx
      .insertInto('noteAddenda')
      .values({
        id: addendumId,
        organizationId: ctx.actor.organizationId,
        patientId: record.patientId,
        noteId: id,
        authorId: ctx.actor.userId,
        body: input.body.trim(),
      })
      .execute();
    await tx.updateTable('contactNotes').set(nextVersion()).where('id', '=', id).execute();
    await audit({ action: 'create', recordType: 'note-addendum', recordId: addendumId, details: { noteId: id } });
    return loadNote(tx, ctx, id);
  });
}
