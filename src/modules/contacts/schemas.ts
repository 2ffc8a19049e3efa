import { Type, type Static } from 'typebox';
import { Instant, ListQuery, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { CONTACT_ACTIVITIES, CONTACT_MODES, NOTE_STATUSES, NOTE_STRUCTURES } from './codes.ts';

const Minutes = Type.Integer({ minimum: 1, maximum: 1440, description: 'Exact minutes spent (1–1440)' });
const Activities = Type.Array(Type.Enum(CONTACT_ACTIVITIES), { uniqueItems: true, maxItems: CONTACT_ACTIVITIES.length });
const Collaterals = Type.Array(Text(200), { maxItems: 20, description: 'Named family members or providers who took part' });
/** A note's sections by name (data, assessment, plan…); the structure decides which names are allowed. */
const Sections = Type.Record(Type.String({ pattern: '^[a-z]+$', maxLength: 20 }), Type.String({ maxLength: 20000 }), {
  maxProperties: 4,
});

const contactFields = {
  occurredAt: Type.String({ format: 'date-time', description: 'When it happened; never in the future' }),
  durationMinutes: Minutes,
  mode: Type.Enum(CONTACT_MODES),
  location: Type.Optional(Nullable(Text(200))),
  participants: Type.Optional(Nullable(Text(500))),
  patientTookPart: Type.Optional(Type.Boolean()),
  collaterals: Type.Optional(Collaterals),
  activities: Type.Optional(Activities),
};

/** Set by the author while the note is a draft (docs/restrictions.md). */
const Sensitive = Type.Optional(
  Type.Boolean({ description: 'Sensitive (e.g. counseling notes): readable only by the roles docs/restrictions.md names' }),
);

export const CreateContactBody = Type.Object(
  {
    ...contactFields,
    episodeId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(
      Type.Object(
        { structure: Type.Enum(NOTE_STRUCTURES), sections: Type.Optional(Sections), sensitive: Sensitive },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateContactBody = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Object(
  {
    version: Type.Optional(Version),
    occurredAt: Type.Optional(contactFields.occurredAt),
    durationMinutes: Type.Optional(Minutes),
    mode: Type.Optional(contactFields.mode),
    location: contactFields.location,
    participants: contactFields.participants,
    patientTookPart: contactFields.patientTookPart,
    collaterals: contactFields.collaterals,
    activities: contactFields.activities,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContactBody = Static<typeof UpdateContactBody>;

export const EnteredInErrorBody = Type.Object({ version: Version, reason: Text(1000) }, { additionalProperties: false });
export type EnteredInErrorBody = Static<typeof EnteredInErrorBody>;

export const CreateNoteBody = Type.Object(
  { structure: Type.Enum(NOTE_STRUCTURES), sections: Type.Optional(Sections), sensitive: Sensitive },
  { additionalProperties: false },
);
export type CreateNoteBody = Static<typeof CreateNoteBody>;

export const SaveDraftBody = Type.Object(
  { version: Type.Optional(Version), sections: Sections, sensitive: Sensitive },
  { additionalProperties: false },
);
export type SaveDraftBody = Static<typeof SaveDraftBody>;

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const AddendumBody = Type.Object({ body: Text(20000) }, { additionalProperties: false });
export type AddendumBody = Static<typeof AddendumBody>;

export const ContactListQuery = Type.Object({ ...ListQuery }, { additionalProperties: false });
export type ContactListQuery = Static<typeof ContactListQuery>;

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const AddendumSchema = Type.Object({ id: Uuid, author: Person, body: Type.String(), createdAt: Instant });

export const NoteSchema = Type.Object({
  id: Uuid,
  contactId: Uuid,
  patientId: Uuid,
  structure: Type.Enum(NOTE_STRUCTURES),
  sections: Type.Record(Type.String(), Type.String()),
  sensitive: Type.Boolean({
    description: 'Readable only by its author, co-signer, program supervisors and the clinical roles of its team',
  }),
  hidden: Type.Boolean({ description: 'A sensitive note this reader may not read: no sections, no addenda' }),
  status: Type.Enum(NOTE_STATUSES),
  author: Person,
  signedAt: Nullable(Instant),
  cosignedBy: Nullable(Person),
  cosignedAt: Nullable(Instant),
  addenda: Type.Array(AddendumSchema),
  version: Type.Integer(),
  updatedAt: Instant,
});

export const ContactSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  episodeId: Nullable(Uuid),
  occurredAt: Instant,
  durationMinutes: Type.Integer(),
  mode: Type.Enum(CONTACT_MODES),
  successful: Type.Boolean({ description: 'False for an attempt that did not reach the patient' }),
  location: Nullable(Type.String()),
  participants: Nullable(Type.String()),
  patientTookPart: Type.Boolean(),
  collaterals: Type.Array(Type.String()),
  activities: Type.Array(Type.Enum(CONTACT_ACTIVITIES)),
  staff: Person,
  staffCredential: Nullable(Type.String({ description: 'The credential the staff member held when it was logged (for billing)' })),
  enteredInError: Nullable(Type.Object({ at: Instant, by: Uuid, reason: Type.String() })),
  note: Nullable(NoteSchema),
  version: Type.Integer(),
});

/** Where an episode stands on contacts: the last one made, attempts since, and when the next is due. */
const ContactStatusSchema = Type.Object({
  lastContactAt: Nullable(Instant),
  unansweredAttempts: Type.Integer(),
  firstUnansweredAt: Nullable(Instant),
  cadenceDays: Nullable(Type.Integer()),
  nextDueOn: Nullable(Type.String({ format: 'date' })),
});

export const EpisodeContactsSchema = Type.Object({ status: ContactStatusSchema, recent: Type.Array(ContactSchema) });

const Days = Type.Integer({ minimum: 1, maximum: 365 });
export const CadenceSchema = Type.Object({
  programId: Uuid,
  outreach: Type.Integer(),
  intake: Type.Integer(),
  primaryTreatment: Type.Integer(),
  continuingCare: Type.Integer(),
  version: Type.Integer({ description: '0 while the program uses the defaults' }),
});
export const CadenceBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 0 })), outreach: Days, intake: Days, primaryTreatment: Days, continuingCare: Days },
  { additionalProperties: false },
);
export type CadenceBody = Static<typeof CadenceBody>;
