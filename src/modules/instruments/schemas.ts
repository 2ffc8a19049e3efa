import { Type, type Static } from 'typebox';
import { AnswerValue, LocalText } from './definition.ts';
import type { Definition } from './definition.ts';

const InstrumentKey = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });
export const InstrumentParams = Type.Object({ key: InstrumentKey });
export const InstrumentQuery = Type.Object({ version: Type.Optional(Type.String({ maxLength: 20 })) });

export const InstrumentSummary = Type.Object({
  key: Type.String(),
  version: Type.String(),
  name: LocalText,
  abbreviation: Type.String(),
  respondent: Type.Union([Type.Literal('patient'), Type.Literal('clinician')]),
  itemCount: Type.Integer(),
  /** Shipped with Bridgeway (true) or loaded by the organization under its own licence. */
  builtIn: Type.Boolean(),
  source: Type.String(),
  licence: Type.String(),
  loincPanel: Type.Union([Type.String(), Type.Null()]),
});
export type InstrumentSummary = Static<typeof InstrumentSummary>;

export const InstrumentDetail = Type.Object({
  ...InstrumentSummary.properties,
  definition: Type.Unsafe<Definition>({
    type: 'object',
    additionalProperties: true,
    description: 'The definition: items, options, skip logic and scoring rules (docs/assessments.md)',
  }),
});

/** One answer: a score, yes/no/refused, or the codes chosen in a multiple-choice item. */
export const AnswerSchema = Type.Union([AnswerValue, Type.Array(Type.Integer({ minimum: 0, maximum: 1000 }), { maxItems: 50 })]);
/** What a cut-off depends on (AUDIT-C: sex). */
export const ScoreContextSchema = Type.Object(
  { sex: Type.Optional(Type.Union([Type.Literal('female'), Type.Literal('male')])) },
  { additionalProperties: false },
);

export const ScoreBody = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 8 }), AnswerSchema, {
      maxProperties: 200,
      description:
        'Item number ("1", "2"…) → its score, "yes"/"no"/"refused" for a yes/no item, or a list of option codes for a multiple-choice item',
    }),
    context: Type.Optional(ScoreContextSchema),
  },
  { additionalProperties: false },
);
export type ScoreBody = Static<typeof ScoreBody>;

export const ScoreResultSchema = Type.Object({
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

export const ImportBody = Type.Unsafe<unknown>({ type: 'object', description: 'An instrument definition (docs/assessments.md)' });
