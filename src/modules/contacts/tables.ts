import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { ContactActivity, ContactMode, NoteStatus, NoteStructure } from './codes.ts';

/** The contacts module's tables (migrations/0300), typed. */
interface ContactsTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string | null;
  occurredAt: Date;
  durationMinutes: number;
  mode: ContactMode;
  location: string | null;
  participants: string | null;
  patientTookPart: Generated<boolean>;
  collaterals: Generated<string[]>;
  activities: Generated<ContactActivity[]>;
  staffId: string;
  staffCredential: string | null;
  staffRoles: string[];
  enteredInErrorAt: Date | null;
  enteredInErrorBy: string | null;
  enteredInErrorReason: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface ContactNotesTable {
  id: string;
  organizationId: string;
  patientId: string;
  contactId: string;
  structure: NoteStructure;
  /** JSON: written as text, read back parsed. */
  sections: Generated<unknown>;
  status: Generated<NoteStatus>;
  authorId: string;
  signedAt: Date | null;
  cosignedBy: string | null;
  cosignedAt: Date | null;
  /** Readable only by the roles docs/restrictions.md names (migrations/0361). */
  sensitive: Generated<boolean>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface NoteAddendaTable {
  id: string;
  organizationId: string;
  patientId: string;
  noteId: string;
  authorId: string;
  body: string;
  createdAt: CreatedAt;
}

interface ProgramContactCadencesTable {
  programId: string;
  organizationId: string;
  outreachDays: Generated<number>;
  intakeDays: Generated<number>;
  primaryTreatmentDays: Generated<number>;
  continuingCareDays: Generated<number>;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type ContactRow = Selectable<ContactsTable>;
export type NoteRow = Selectable<ContactNotesTable>;
export type AddendumRow = Selectable<NoteAddendaTable>;

declare module '../../db/schema.ts' {
  interface DB {
    contacts: ContactsTable;
    contactNotes: ContactNotesTable;
    noteAddenda: NoteAddendaTable;
    programContactCadences: ProgramContactCadencesTable;
  }
}
