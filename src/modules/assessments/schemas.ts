import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { AnswerSchema as Answer, ScoreContextSchema as Context, ScoreResultSchema } from '../instruments/schemas.ts';
import { ASSESSMENT_MODES, ASSESSMENT_STATUSES } from './codes.ts';

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
  result: Nullable(ScoreResultSchema),
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
