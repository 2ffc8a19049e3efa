import { Type, type Static } from 'typebox';
import { Instant, Nullable, Uuid, Version } from '../../lib/http/schemas.ts';
import { RESTRICTION_REASONS } from './codes.ts';

const StaffIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

/** Restrict a patient or an episode, or change its reason and lists (send the version you read). */
export const RestrictionBody = Type.Object(
  {
    version: Type.Optional(Version),
    reason: Type.Enum(RESTRICTION_REASONS),
    allowedUserIds: StaffIds,
    excludedUserIds: StaffIds,
  },
  { additionalProperties: false },
);
export type RestrictionBody = Static<typeof RestrictionBody>;

export const LiftBody = Type.Object({ version: Version }, { additionalProperties: false });

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const RestrictionSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  episodeId: Nullable(Uuid),
  reason: Type.Enum(RESTRICTION_REASONS),
  allowed: Type.Array(Person),
  excluded: Type.Array(Person),
  restrictedBy: Person,
  restrictedAt: Instant,
  version: Type.Integer(),
});
export type RestrictionView = Static<typeof RestrictionSchema>;

/** The patient overview's part: the patient's restriction and its episodes', for those who still see it. */
export const RestrictionOverviewSchema = Type.Object({
  patient: Nullable(RestrictionSchema),
  episodes: Type.Array(RestrictionSchema),
});

/** One line of the privacy officer's list: who, restricted by whom, when and why; never the chart. */
export const RestrictedRecordSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  patientName: Type.String(),
  episodeId: Nullable(Uuid),
  programName: Nullable(Type.String()),
  reason: Type.Enum(RESTRICTION_REASONS),
  restrictedBy: Person,
  restrictedAt: Instant,
  allowedCount: Type.Integer(),
  excludedCount: Type.Integer(),
});
