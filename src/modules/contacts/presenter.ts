import type { Static } from 'typebox';
import { UNSUCCESSFUL_MODE } from './codes.ts';
import type { AddendumSchema, ContactSchema, NoteSchema } from './schemas.ts';
import type { AddendumRow, ContactRow, NoteRow } from './tables.ts';

export type ContactView = Static<typeof ContactSchema>;
export type NoteView = Static<typeof NoteSchema>;
type AddendumView = Static<typeof AddendumSchema>;

function presentAddendum(row: AddendumRow & { authorName: string }): AddendumView {
  return { id: row.id, author: { id: row.authorId, name: row.authorName }, body: row.body, createdAt: row.createdAt.toISOString() };
}

/**
 * A note as its reader may see it: a sensitive note they may not read (docs/restrictions.md)
 * comes with `hidden` set, its sections blanked by the query and no addenda.
 */
export function presentNote(
  row: NoteRow & { authorName: string; cosignerName: string | null; readable: boolean },
  addenda: readonly (AddendumRow & { authorName: string })[],
): NoteView {
  return {
    id: row.id,
    contactId: row.contactId,
    patientId: row.patientId,
    structure: row.structure,
    sections: row.readable ? (row.sections as Record<string, string>) : {},
    sensitive: row.sensitive,
    hidden: !row.readable,
    status: row.status,
    author: { id: row.authorId, name: row.authorName },
    signedAt: row.signedAt?.toISOString() ?? null,
    cosignedBy: row.cosignedBy ? { id: row.cosignedBy, name: row.cosignerName ?? '' } : null,
    cosignedAt: row.cosignedAt?.toISOString() ?? null,
    addenda: row.readable ? addenda.map(presentAddendum) : [],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentContact(row: ContactRow & { staffName: string }, note: NoteView | null): ContactView {
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    occurredAt: row.occurredAt.toISOString(),
    durationMinutes: row.durationMinutes,
    mode: row.mode,
    successful: row.mode !== UNSUCCESSFUL_MODE,
    location: row.location,
    participants: row.participants,
    patientTookPart: row.patientTookPart,
    collaterals: row.collaterals,
    activities: row.activities,
    staff: { id: row.staffId, name: row.staffName },
    staffCredential: row.staffCredential,
    enteredInError:
      row.enteredInErrorAt && row.enteredInErrorBy
        ? { at: row.enteredInErrorAt.toISOString(), by: row.enteredInErrorBy, reason: row.enteredInErrorReason ?? '' }
        : null,
    note,
    version: row.version,
  };
}
