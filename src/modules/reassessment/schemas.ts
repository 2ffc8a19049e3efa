import { Type, type Static } from 'typebox';
import { DateOnly, Instant, Nullable, Uuid } from '../../lib/http/schemas.ts';
import { DUE_STATUSES, SCHEDULE_PHASES, SCHEDULE_TRIGGERS } from './codes.ts';

const LocalText = Type.Object({ en: Type.String(), es: Type.Optional(Type.String()) });
const InstrumentKey = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60, examples: ['phq-9'] });

const ScheduleRuleSchema = Type.Object(
  {
    instrumentKey: InstrumentKey,
    when: Type.Enum(SCHEDULE_TRIGGERS),
    phase: Type.Optional(Type.Enum(SCHEDULE_PHASES, { description: '`every` only: the phase it runs in' })),
    everyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: '`every` only: how often, in days' })),
    graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90, description: 'Days after it falls due before it is overdue (7)' })),
  },
  { additionalProperties: false },
);

export const PutScheduleBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      description: 'The version you read (0 when the program has no schedule yet); a stale one answers 409.',
    }),
    rules: Type.Array(ScheduleRuleSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type PutScheduleBody = Static<typeof PutScheduleBody>;

export const ScheduleSchema = Type.Object({
  programId: Uuid,
  rules: Type.Array(ScheduleRuleSchema),
  version: Type.Integer({ description: '0 when the program has no schedule yet' }),
  updatedAt: Nullable(Instant),
});
export type ScheduleView = Static<typeof ScheduleSchema>;

const DueItemSchema = Type.Object({
  instrumentKey: Type.String(),
  when: Type.Enum(SCHEDULE_TRIGGERS),
  phase: Nullable(Type.Enum(SCHEDULE_PHASES)),
  everyDays: Nullable(Type.Integer()),
  dueOn: Nullable(DateOnly),
  lastDoneOn: Nullable(DateOnly),
  status: Type.Enum(DUE_STATUSES),
});

export const EpisodeReassessmentsSchema = Type.Object({
  scheduled: Type.Boolean({ description: 'Whether the episode’s program has a schedule' }),
  items: Type.Array(DueItemSchema),
});

export const ScoreHistorySchema = Type.Object({
  instruments: Type.Array(
    Type.Object({
      key: Type.String(),
      abbreviation: Type.String(),
      name: LocalText,
      min: Type.Integer(),
      max: Type.Integer(),
      bands: Type.Array(Type.Object({ key: Type.String(), min: Type.Integer(), max: Type.Integer(), label: LocalText })),
      points: Type.Array(
        Type.Object({ assessmentId: Uuid, episodeId: Uuid, completedAt: Instant, total: Type.Integer(), band: Nullable(Type.String()) }),
      ),
    }),
  ),
});
export type ScoreHistory = Static<typeof ScoreHistorySchema>;
