import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { ASAM_EDITIONS, ASAM_REVIEW_STATUSES, RISK_RATING_MAX, RISK_RATING_MIN } from './codes.ts';

const Reason = Text(1000);
const Level = Type.String({ minLength: 1, maxLength: 40, description: 'A level-of-care code of the review’s edition', examples: ['2.1'] });
const Rating = Type.Integer({ minimum: RISK_RATING_MIN, maximum: RISK_RATING_MAX, description: 'Risk rating, 0 (none) to 4' });

export const StartReviewBody = Type.Object({ edition: Type.Enum(ASAM_EDITIONS) }, { additionalProperties: false });
export type StartReviewBody = Static<typeof StartReviewBody>;

const DimensionInput = Type.Object(
  { rating: Type.Optional(Nullable(Rating)), notes: Type.Optional(Nullable(Text(4000))) },
  { additionalProperties: false },
);

export const UpdateReviewBody = Type.Object(
  {
    version: Type.Optional(Version),
    dimensions: Type.Optional(
      Type.Object(
        {
          '1': Type.Optional(DimensionInput),
          '2': Type.Optional(DimensionInput),
          '3': Type.Optional(DimensionInput),
          '4': Type.Optional(DimensionInput),
          '5': Type.Optional(DimensionInput),
          '6': Type.Optional(DimensionInput),
        },
        { additionalProperties: false, description: 'Dimensions to change, by number; null clears a rating or notes' },
      ),
    ),
    indicatedLevel: Type.Optional(Nullable(Level)),
    availableLevel: Type.Optional(Nullable(Level)),
    chosenLevel: Type.Optional(Nullable(Level)),
    differenceReason: Type.Optional(Nullable(Reason)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReviewBody = Static<typeof UpdateReviewBody>;

export const ReviewVersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const CorrectReviewBody = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type CorrectReviewBody = Static<typeof CorrectReviewBody>;

export const AsamReviewSchema = Type.Object({
  id: Uuid,
  patientId: Uuid,
  episodeId: Uuid,
  edition: Type.Enum(ASAM_EDITIONS),
  status: Type.Enum(ASAM_REVIEW_STATUSES),
  dimensions: Type.Array(
    Type.Object({ dimension: Type.Integer({ minimum: 1, maximum: 6 }), rating: Nullable(Type.Integer()), notes: Nullable(Type.String()) }),
    { description: 'Always the six, in order' },
  ),
  indicatedLevel: Nullable(Type.String()),
  availableLevel: Nullable(Type.String()),
  chosenLevel: Nullable(Type.String()),
  differenceReason: Nullable(Type.String()),
  reviewedBy: Uuid,
  startedAt: Instant,
  completedAt: Nullable(Instant),
  supersedesId: Nullable(Uuid),
  supersededById: Nullable(Uuid),
  correctionReason: Nullable(Type.String()),
  version: Type.Integer(),
});
export type AsamReviewView = Static<typeof AsamReviewSchema>;
