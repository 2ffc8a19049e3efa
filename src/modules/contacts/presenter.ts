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

export function presentNote(
  row: NoteRow & { authorName: string; cosignerName: string | null },
  addenda: readonly (AddendumRow & { authorName: string })[],
): NoteView {
  return {
    id: row.id,
    contactId: row.contactId,
    patientId: row.patientId,
    structure: row.structure,
    sections: row.sections as Record<string, string>,
    status: row.status,
    author: { id: row.authorId, name: row.authorName },
    signedAt: row.signedAt?.toISOString() ?? null,
    cosignedBy: row.cosignedBy ? { id: row.cosignedBy, name: row.cosignerName ?? '' } : null,
    cosignedAt: row.cosignedAt?.toISOString() ?? null,
    addenda: addenda.map(presentAddendum),
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
