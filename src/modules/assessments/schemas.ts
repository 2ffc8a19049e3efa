import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { AnswerValue } from '../instruments/definition.ts';
import { ASSESSMENT_MODES, ASSESSMENT_STATUSES } from './codes.ts';

const Answer = Type.Union([AnswerValue, Type.Array(Type.Integer({ minimum: 0, maximum: 1000 }), { maxItems: 50 })]);
const Context = Type.Object(
  { sex: Type.Optional(Type.Union([Type.Literal('female'), Type.Literal('male')])) },
  { additionalProperties: false },
);
const Reason = Text(1000);

export const StartBody = Type.Object(
  {
    instrumentKey: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60, examples: ['phq-9'] }),
    mode: Type.Enum(ASSESSMENT_MODES),
    context: Type.Optional(Context),
  },
  { additionalProperties: false },
);
export type StartBody = Static<typeof StartBody>;

export const UpdateAnswersBody = Type.Object(
  {
    version: Type.Optional(Version),
    answers: Type.Optional(
      Type.Record(Type.String({ maxLength: 8 }), Nullable(Answer), { maxProperties: 200, description: 'Items to set; null clears one' }),
    ),
    context: Type.Optional(Context),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAnswersBody = Static<typeof UpdateAnswersBody>;

// A state change names the version it was decided on (required: there is no other field to send).
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const AbandonBody = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type AbandonBody = Static<typeof AbandonBody>;
export const CorrectBody = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type CorrectBody = Static<typeof CorrectBody>;

const ScoreResult = Type.Object({
  key: Type.String(),
  version: Type.String(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  band: Type.Union([Type.String(), Type.Null()]),
  positive: Type.Union([Type.Boolean(), Type.Null()]),
  critical: Type.Boolean(),
  criticalItems: Type.Array(Type.String()),
  result: Type.Optional(Type.String()),
  domains: Type.Optional(Type.Record(Type.String(), Type.Object({ total: Type.Integer(), positive: Type.Boolean() }))),
});

export const AssessmentSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  episodeId: Uuid,
  instrumentKey: Type.String(),
  instrumentVersion: Type.String(),
  mode: Type.Enum(ASSESSMENT_MODES),
  status: Type.Enum(ASSESSMENT_STATUSES),
  answers: Type.Record(Type.String(), Answer),
  context: Context,
  result: Nullable(ScoreResult),
  administeredBy: Uuid,
  startedAt: Instant,
  completedAt: Nullable(Instant),
  abandonedReason: Nullable(Type.String()),
  supersedesId: Nullable(Uuid),
  supersededById: Nullable(Uuid),
  correctionReason: Nullable(Type.String()),
  crisisStepsShownAt: Nullable(Instant),
  version: Type.Integer(),
});
