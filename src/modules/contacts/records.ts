import type { PatientRecordKind } from '../../lib/modules.ts';
import { noteReadableBy } from './sensitive.ts';

/**
 * A contact belongs to a patient (and maybe one of their episodes, whose move it follows by
 * the cascading key); contacts without an episode are moved by the merge itself.
 */
export const contactKind = {
  table: 'contacts',
  recordType: 'contact',
  path: '/api/contacts',
  merge: 'move',
  episodeColumn: 'episode_id',
} as const satisfies PatientRecordKind;

/**
 * A note follows its contact (cascading key). A sensitive note, or one on a restricted episode,
 * is refused (404, audited) to whoever may not read it (sensitive.ts).
 */
export const noteKind = {
  table: 'contactNotes',
  recordType: 'note',
  path: '/api/notes',
  merge: 'cascade',
  rowVisibleTo: noteReadableBy,
} as const satisfies PatientRecordKind;

/** An addendum follows its note; it is never addressed on its own. */
const addendumKind = {
  table: 'noteAddenda',
  recordType: 'note-addendum',
  path: null,
  merge: 'cascade',
} as const satisfies PatientRecordKind;

export const contactRecordKinds = [contactKind, noteKind, addendumKind] as const;
