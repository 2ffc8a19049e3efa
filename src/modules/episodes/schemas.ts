import { Type, type Static } from 'typebox';
import { CARE_TEAM_ROLES, CLOSURE_REASONS, EPISODE_PHASES, LEVEL_EDITIONS, REFERRAL_SOURCES } from './codes.ts';
import { DateOnly, ListQuery, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { OPENING_PHASES } from './phases.ts';

const Note = Text(2000);

export const OpenEpisodeBody = Type.Object(
  {
    programId: Uuid,
    referralSource: Type.Enum(REFERRAL_SOURCES),
    referralDate: Type.Optional(DateOnly),
    firstContactDate: Type.Optional(DateOnly),
    openedOn: DateOnly,
    phase: Type.Enum(OPENING_PHASES),
    primaryCaseManagerId: Uuid,
  },
  { additionalProperties: false },
);
export type OpenEpisodeBody = Static<typeof OpenEpisodeBody>;

export const UpdateEpisodeBody = Type.Object(
  {
    version: Type.Optional(Version),
    referralSource: Type.Optional(Type.Enum(REFERRAL_SOURCES)),
    referralDate: Type.Optional(Nullable(DateOnly)),
    firstContactDate: Type.Optional(Nullable(DateOnly)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEpisodeBody = Static<typeof UpdateEpisodeBody>;

export const TransitionBody = Type.Object(
  {
    to: Type.Enum(EPISODE_PHASES),
    on: DateOnly,
    closureReason: Type.Optional(Type.Enum(CLOSURE_REASONS)),
    note: Type.Optional(Note),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const PlacementBody = Type.Object(
  {
    levelEdition: Type.Enum(LEVEL_EDITIONS),
    levelCode: Type.String({ minLength: 1, maxLength: 40 }),
    providerName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    startDate: DateOnly,
    plannedEndDate: Type.Optional(Nullable(DateOnly)),
    concurrent: Type.Optional(Type.Boolean({ description: 'Runs alongside another placement (e.g. OBOT with outpatient)' })),
    note: Type.Optional(Nullable(Note)),
    asamReviewId: Type.Optional(
      Nullable(Type.String({ format: 'uuid', description: 'The completed ASAM review of this episode it follows from' })),
    ),
  },
  { additionalProperties: false },
);
export type PlacementBody = Static<typeof PlacementBody>;

export const UpdatePlacementBody = Type.Object(
  {
    version: Type.Optional(Version),
    providerName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    plannedEndDate: Type.Optional(Nullable(DateOnly)),
    actualEndDate: Type.Optional(Nullable(DateOnly)),
    note: Type.Optional(Nullable(Note)),
    asamReviewId: Type.Optional(
      Nullable(Type.String({ format: 'uuid', description: 'The completed ASAM review of this episode it follows from' })),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePlacementBody = Static<typeof UpdatePlacementBody>;

export const AddMemberBody = Type.Object(
  {
    userId: Type.Optional(Uuid),
    external: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          organization: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          phone: Type.Optional(Type.String({ minLength: 3, maxLength: 30 })),
        },
        { additionalProperties: false },
      ),
    ),
    role: Type.Enum(CARE_TEAM_ROLES),
    startedOn: DateOnly,
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const EndMemberBody = Type.Object({ endedOn: DateOnly }, { additionalProperties: false });
export const HandoffBody = Type.Object({ toUserId: Uuid, on: DateOnly, note: Note }, { additionalProperties: false });
export type HandoffBody = Static<typeof HandoffBody>;

export const ReassignmentBody = Type.Object(
  {
    fromUserId: Uuid,
    toUserIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    episodeIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 500,
        uniqueItems: true,
        description: 'Only these; all of the person’s caseload when left out',
      }),
    ),
    on: DateOnly,
    note: Note,
  },
  { additionalProperties: false },
);
export type ReassignmentBody = Static<typeof ReassignmentBody>;

export const CaseloadQuery = Type.Object({
  userId: Type.Optional(Uuid),
  programId: Type.Optional(Uuid),
  phase: Type.Optional(Type.Enum(EPISODE_PHASES)),
  levelCode: Type.Optional(Type.String({ maxLength: 40 })),
  ...ListQuery,
});
export type CaseloadQuery = Static<typeof CaseloadQuery>;
