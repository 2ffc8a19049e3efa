import { Type, type Static } from 'typebox';
import { DateOnly, Instant, ListQuery, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { EMERGENCY_ACCESS_FINDINGS, EMERGENCY_ACCESS_REVIEW_STATUSES, EMERGENCY_ACCESS_STATES } from './codes.ts';

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const LookupBody = Type.Object(
  {
    lastName: Text(100, { description: 'The last name exactly, ignoring case and accents' }),
    birthDate: DateOnly,
  },
  { additionalProperties: false },
);
export type LookupBody = Static<typeof LookupBody>;

export const LookupItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  dateOfBirth: DateOnly,
  visible: Type.Boolean({ description: 'You may already open this chart: no emergency access is needed' }),
});

export const BreakGlassBody = Type.Object(
  {
    reason: Type.String({
      minLength: 10,
      maxLength: 1000,
      pattern: '\\S',
      description: 'Why you need this chart now: read by the privacy officer',
    }),
    currentPassword: Type.String({ minLength: 1, maxLength: 1000, description: 'Your password, entered again' }),
  },
  { additionalProperties: false },
);
export type BreakGlassBody = Static<typeof BreakGlassBody>;

/** What the person who broke the glass sees of their own grant. */
export const OwnGrantSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  startedAt: Instant,
  expiresAt: Instant,
  endedAt: Nullable(Instant),
  state: Type.Enum(EMERGENCY_ACCESS_STATES),
});

/** The part of the patient overview: the reader's own active grant for this patient, if any. */
export const EmergencyAccessOverviewSchema = Nullable(Type.Object({ id: Uuid, expiresAt: Instant }));

const ReviewSchema = Type.Object({
  reviewedAt: Instant,
  reviewedBy: Person,
  finding: Type.Enum(EMERGENCY_ACCESS_FINDINGS),
  note: Nullable(Type.String()),
});

/** One event in the privacy officer's queue. */
export const GrantSchema = Type.Object({
  id: Uuid,
  user: Person,
  patient: Person,
  reason: Type.String(),
  startedAt: Instant,
  expiresAt: Instant,
  endedAt: Nullable(Instant),
  state: Type.Enum(EMERGENCY_ACCESS_STATES),
  markedReads: Type.Integer({ description: 'Audit rows written for the patient under this grant' }),
  review: Nullable(ReviewSchema),
  version: Type.Integer(),
});

const MarkedRead = Type.Object({
  occurredAt: Instant,
  action: Type.String(),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Uuid),
  requestId: Nullable(Type.String()),
});

export const GrantDetailSchema = Type.Object({ ...GrantSchema.properties, reads: Type.Array(MarkedRead) });

export const QueueQuery = Type.Object(
  { status: Type.Optional(Type.Enum(EMERGENCY_ACCESS_REVIEW_STATUSES, { default: 'awaiting-review' })), ...ListQuery },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const ExportQuery = Type.Object(
  { status: Type.Optional(Type.Enum(EMERGENCY_ACCESS_REVIEW_STATUSES)) },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ReviewBody = Type.Object(
  {
    version: Type.Optional(Version),
    finding: Type.Enum(EMERGENCY_ACCESS_FINDINGS),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;
