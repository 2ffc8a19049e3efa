import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { LIFE_DOMAINS, NEED_SOURCES, NEED_STATUSES, NEED_URGENCIES, STRENGTH_KINDS } from './codes.ts';

const Note = Text(2000);

export const CreateNeedBody = Type.Object(
  {
    domain: Type.Enum(LIFE_DOMAINS),
    urgency: Type.Enum(NEED_URGENCIES),
    description: Type.Optional(Nullable(Note)),
    /** A completed assessment of the same episode that showed the need; left out for staff judgement. */
    assessmentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const UpdateNeedBody = Type.Object(
  {
    version: Type.Optional(Version),
    urgency: Type.Optional(Type.Enum(NEED_URGENCIES)),
    description: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNeedBody = Static<typeof UpdateNeedBody>;

export const NeedTransitionBody = Type.Object(
  {
    version: Version,
    to: Type.Enum(NEED_STATUSES),
    /** Why; required to dismiss a proposal. */
    note: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false },
);
export type NeedTransitionBody = Static<typeof NeedTransitionBody>;

const NeedStatusChangeSchema = Type.Object({
  fromStatus: Nullable(Type.Enum(NEED_STATUSES)),
  toStatus: Type.Enum(NEED_STATUSES),
  note: Nullable(Type.String()),
  changedBy: Nullable(Uuid),
  changedByName: Nullable(Type.String()),
  changedAt: Instant,
});

export const NeedSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  episodeId: Uuid,
  domain: Type.Enum(LIFE_DOMAINS),
  urgency: Type.Enum(NEED_URGENCIES),
  status: Type.Enum(NEED_STATUSES),
  description: Nullable(Type.String()),
  source: Type.Enum(NEED_SOURCES),
  assessmentId: Nullable(Uuid),
  instrumentKey: Nullable(Type.String()),
  screenFindings: Type.Array(Type.String()),
  dismissedReason: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
  createdAt: Instant,
  statusChangedAt: Instant,
  history: Type.Array(NeedStatusChangeSchema),
  version: Type.Integer(),
});

export const StrengthBody = Type.Object(
  {
    domain: Type.Enum(LIFE_DOMAINS),
    kind: Type.Enum(STRENGTH_KINDS),
    description: Note,
    inPatientsWords: Type.Optional(Type.Boolean({ description: 'The description is what the patient said, in their words' })),
  },
  { additionalProperties: false },
);
export type StrengthBody = Static<typeof StrengthBody>;

export const UpdateStrengthBody = Type.Object(
  {
    version: Type.Optional(Version),
    domain: Type.Optional(Type.Enum(LIFE_DOMAINS)),
    kind: Type.Optional(Type.Enum(STRENGTH_KINDS)),
    description: Type.Optional(Note),
    inPatientsWords: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStrengthBody = Static<typeof UpdateStrengthBody>;

export const StrengthSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  domain: Type.Enum(LIFE_DOMAINS),
  kind: Type.Enum(STRENGTH_KINDS),
  description: Type.String(),
  inPatientsWords: Type.Boolean(),
  createdBy: Nullable(Uuid),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});

/** The patient overview's summary: open needs across the patient's episodes and the strengths. */
export const NeedsOverviewSchema = Type.Object({
  proposed: Type.Integer(),
  open: Type.Array(Type.Object({ domain: Type.Enum(LIFE_DOMAINS), urgency: Type.Enum(NEED_URGENCIES), status: Type.Enum(NEED_STATUSES) })),
  resolved: Type.Integer(),
  strengths: Type.Array(StrengthSchema),
});
