import { Ajv } from 'ajv';
import { Type, type Static } from 'typebox';
import { isScored, totalRange } from './rules.ts';

/**
 * An instrument is data (docs/assessments.md): one JSON definition per instrument and version,
 * checked here when it is loaded. The structure is checked by the schema below; what a schema
 * cannot say (every item a rule names exists, a rule's values are the item's options, bands
 * cover the possible totals with no gap or overlap) is checked by `definitionProblems`.
 */

const Key = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });
const ItemId = Type.String({ pattern: '^[0-9]+[a-z]?$', maxLength: 8 });
/** Text in English and, where a published translation is in hand, Spanish. */
export const LocalText = Type.Object(
  { en: Type.String({ minLength: 1 }), es: Type.Optional(Type.String({ minLength: 1 })) },
  { additionalProperties: false },
);

const YesNo = Type.Union([Type.Literal('yes'), Type.Literal('no')]);
export const AnswerValue = Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), YesNo, Type.Literal('refused')]);

const Option = Type.Object(
  {
    /** The score of a scored item, the code of a multiple-choice option, `yes`/`no` for a yes/no item. */
    value: Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), YesNo]),
    label: LocalText,
    /** What a yes or no adds to the total, for a yes/no item that is scored (DAST-10). */
    score: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    /** A multiple-choice option that means "none of these": chosen alone or not at all. */
    exclusive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * A rule over the answers (skip logic, positive screens, domains, results, critical items). It
 * nests, so it is a plain JSON Schema with an id of its own, referred to by that id.
 */
const CONDITION_ID = 'bridgeway:instrument-condition';
const conditionRef = { $ref: CONDITION_ID };
const conditionSchema = {
  $id: CONDITION_ID,
  oneOf: [
    Type.Object({ item: ItemId, in: Type.Array(AnswerValue, { minItems: 1 }) }, { additionalProperties: false }),
    Type.Object({ item: ItemId, min: Type.Integer() }, { additionalProperties: false }),
    Type.Object({ sum: Type.Array(ItemId, { minItems: 1 }), min: Type.Integer() }, { additionalProperties: false }),
    Type.Object({ total: Type.Object({ min: Type.Integer() }, { additionalProperties: false }) }, { additionalProperties: false }),
    Type.Object({ domain: Key }, { additionalProperties: false }),
    Type.Object({ sex: Type.Union([Type.Literal('female'), Type.Literal('male')]) }, { additionalProperties: false }),
    {
      type: 'object',
      properties: { any: { type: 'array', minItems: 1, items: conditionRef } },
      required: ['any'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { all: { type: 'array', minItems: 1, items: conditionRef } },
      required: ['all'],
      additionalProperties: false,
    },
  ],
};
const Condition = Type.Unsafe<ConditionNode>(conditionRef);

const Item = Type.Object(
  {
    id: ItemId,
    kind: Type.Union([Type.Literal('scored'), Type.Literal('yes-no'), Type.Literal('multiple')]),
    text: LocalText,
    /** The text of this item for one sex, where the published wording differs (TAPS-1 alcohol). */
    textBySex: Type.Optional(Type.Object({ female: LocalText, male: LocalText }, { additionalProperties: false })),
    options: Type.Array(Option, { minItems: 1 }),
    /** Counted into the total (default); false for an item asked but not scored (PHQ-9 item 10). */
    scored: Type.Optional(Type.Boolean()),
    /** May be left unanswered. */
    optional: Type.Optional(Type.Boolean()),
    /** Asked only when this holds (skip logic); an answer to an item not asked is refused. */
    askedIf: Type.Optional(Condition),
    /** Scored as (highest + lowest − answer). */
    reverse: Type.Optional(Type.Boolean()),
    loinc: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Band = Type.Object({ key: Key, min: Type.Integer(), max: Type.Integer(), label: LocalText }, { additionalProperties: false });

const DefinitionSchema = Type.Object(
  {
    key: Key,
    version: Type.String({ pattern: '^[0-9]+(\\.[0-9]+)*$' }),
    name: LocalText,
    abbreviation: Type.String({ minLength: 1, maxLength: 20 }),
    /** Who answers: the patient (self-report, may be handed over) or a clinician rating signs. */
    respondent: Type.Union([Type.Literal('patient'), Type.Literal('clinician')]),
    instructions: Type.Optional(LocalText),
    source: Type.String({ minLength: 1 }),
    licence: Type.String({ minLength: 1 }),
    /** What still needs checking against the primary source, said plainly (empty when nothing). */
    caveats: Type.Optional(Type.Array(Type.String())),
    loinc: Type.Optional(
      Type.Object({ panel: Type.Optional(Type.String()), total: Type.Optional(Type.String()) }, { additionalProperties: false }),
    ),
    /** Facts a cut-off depends on, which a caller must send as `context`. */
    context: Type.Optional(Type.Array(Type.Literal('sex'))),
    items: Type.Array(Item, { minItems: 1, maxItems: 200 }),
    scoring: Type.Object(
      {
        /** The total is the sum of the scored items (none: the instrument has no total). */
        total: Type.Optional(Type.Boolean()),
        bands: Type.Optional(Type.Array(Band, { minItems: 1 })),
        positive: Type.Optional(Condition),
        domains: Type.Optional(
          Type.Array(
            Type.Object(
              { key: Key, label: LocalText, items: Type.Array(ItemId, { minItems: 1 }), positive: Condition },
              { additionalProperties: false },
            ),
          ),
        ),
        result: Type.Optional(
          Type.Object(
            {
              rules: Type.Array(Type.Object({ key: Key, label: LocalText, when: Condition }, { additionalProperties: false }), {
                minItems: 1,
              }),
              otherwise: Type.Object({ key: Key, label: LocalText }, { additionalProperties: false }),
            },
            { additionalProperties: false },
          ),
        ),
        critical: Type.Optional(
          Type.Array(
            Type.Object(
              {
                when: Condition,
                items: Type.Array(ItemId, { minItems: 1 }),
                message: LocalText,
                /** The instrument to offer at once (PHQ-9 question 9 → ASQ). */
                offers: Type.Optional(Key),
              },
              { additionalProperties: false },
            ),
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type Definition = Static<typeof DefinitionSchema>;
export type Item = Definition['items'][number];
export type Answer = Static<typeof AnswerValue> | number[];
export type ConditionNode =
  | { item: string; in: (number | 'yes' | 'no' | 'refused')[] }
  | { item: string; min: number }
  | { sum: string[]; min: number }
  | { total: { min: number } }
  | { domain: string }
  | { sex: 'female' | 'male' }
  | { any: ConditionNode[] }
  | { all: ConditionNode[] };

const ajv = new Ajv({ allErrors: true, strict: false, schemas: [conditionSchema] });
const checkShape = ajv.compile(DefinitionSchema);

export class DefinitionError extends Error {
  readonly reasons: readonly string[];
  constructor(source: string, reasons: readonly string[]) {
    super(`${source}: not a valid instrument definition:\n  - ${reasons.join('\n  - ')}`);
    this.reasons = reasons;
  }
}

/** Everything wrong with a parsed definition, in words an administrator can act on. */
export function definitionProblems(definition: unknown): string[] {
  if (!checkShape(definition)) {
    return (checkShape.errors ?? []).map((error) => `${error.instancePath || '(top)'} ${error.message ?? 'is not valid'}`);
  }
  const def = definition as Definition;
  const problems: string[] = [];
  const items = new Map<string, Item>();
  for (const item of def.items) {
    if (items.has(item.id)) problems.push(`item ${item.id} appears twice`);
    items.set(item.id, item);
    const values = item.options.map((option) => option.value);
    if (new Set(values).size !== values.length) problems.push(`item ${item.id} has two options with the same value`);
    if (item.kind === 'yes-no') {
      if (values.some((value) => value !== 'yes' && value !== 'no'))
        problems.push(`item ${item.id} is yes/no but has an option other than yes or no`);
      const scores = item.options.filter((option) => option.score !== undefined).length;
      if (scores > 0 && scores < item.options.length) problems.push(`item ${item.id}: give a score to both yes and no, or to neither`);
    } else if (values.some((value) => typeof value !== 'number')) {
      problems.push(`item ${item.id}: option values must be scores (whole numbers of 0 or more)`);
    }
    if (item.kind !== 'yes-no' && item.options.some((option) => option.score !== undefined)) {
      problems.push(`item ${item.id}: only yes/no options take a separate score (a scored item's value is its score)`);
    }
    if (item.reverse && item.kind !== 'scored') problems.push(`item ${item.id}: only a scored item can be reverse-scored`);
    if (item.options.some((option) => option.exclusive) && item.kind !== 'multiple') {
      problems.push(`item ${item.id}: only a multiple-choice option can be exclusive`);
    }
  }

  const domainKeys = new Set((def.scoring.domains ?? []).map((domain) => domain.key));
  const checkCondition = (condition: ConditionNode, where: string): void => {
    if ('any' in condition || 'all' in condition) {
      for (const part of 'any' in condition ? condition.any : condition.all) checkCondition(part, where);
      return;
    }
    if ('item' in condition) {
      const item = items.get(condition.item);
      if (!item) {
        problems.push(`${where} names item ${condition.item}, which the instrument does not have`);
        return;
      }
      if ('in' in condition) {
        const allowed = new Set<unknown>(item.options.map((option) => option.value));
        if (item.kind === 'yes-no') allowed.add('refused');
        for (const value of condition.in) {
          if (!allowed.has(value))
            problems.push(`${where} tests item ${condition.item} for ${JSON.stringify(value)}, which is not one of its answers`);
        }
      } else if (item.kind === 'yes-no') {
        problems.push(`${where} compares yes/no item ${condition.item} with a number`);
      }
    } else if ('sum' in condition) {
      for (const id of condition.sum) {
        const item = items.get(id);
        if (!item) problems.push(`${where} names item ${id}, which the instrument does not have`);
        else if (item.kind === 'yes-no') problems.push(`${where} sums yes/no item ${id}`);
      }
    } else if ('total' in condition) {
      if (!def.scoring.total) problems.push(`${where} tests the total, but the instrument has none`);
    } else if ('domain' in condition) {
      if (!domainKeys.has(condition.domain)) problems.push(`${where} names domain ${condition.domain}, which the instrument does not have`);
    } else if ('sex' in condition) {
      if (!def.context?.includes('sex')) problems.push(`${where} depends on sex, but the instrument does not ask for it in its context`);
    }
  };

  for (const item of def.items) if (item.askedIf) checkCondition(item.askedIf, `item ${item.id}'s skip rule`);
  if (def.scoring.positive) checkCondition(def.scoring.positive, 'the positive rule');
  for (const domain of def.scoring.domains ?? []) {
    for (const id of domain.items)
      if (!items.has(id)) problems.push(`domain ${domain.key} names item ${id}, which the instrument does not have`);
    checkCondition(domain.positive, `domain ${domain.key}'s positive rule`);
  }
  for (const rule of def.scoring.result?.rules ?? []) checkCondition(rule.when, `result ${rule.key}'s rule`);
  for (const [index, rule] of (def.scoring.critical ?? []).entries()) {
    checkCondition(rule.when, `critical rule ${index + 1}`);
    for (const id of rule.items)
      if (!items.has(id)) problems.push(`critical rule ${index + 1} names item ${id}, which the instrument does not have`);
  }

  if (def.scoring.bands) {
    if (!def.scoring.total) problems.push('bands need a total');
    else if (problems.length === 0) problems.push(...bandProblems(def.scoring.bands, totalRange(def)));
  }
  if (def.scoring.total && !def.items.some(isScored)) problems.push('a total needs at least one scored item');
  return problems;
}

/** Bands must cover every possible total exactly once, in order. */
function bandProblems(bands: readonly { key: string; min: number; max: number }[], [low, high]: [number, number]): string[] {
  const problems: string[] = [];
  const keys = bands.map((band) => band.key);
  if (new Set(keys).size !== keys.length) problems.push('two bands have the same key');
  for (const band of bands) {
    if (band.min > band.max) problems.push(`band ${band.key} ends (${band.max}) before it starts (${band.min})`);
    if (band.min < low || band.max > high)
      problems.push(`band ${band.key} (${band.min}–${band.max}) is outside the possible totals ${low}–${high}`);
  }
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  if (sorted[0] && sorted[0].min > low) problems.push(`no band covers totals ${low}–${sorted[0].min - 1}`);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1]!;
    const band = sorted[index]!;
    if (band.min <= previous.max) problems.push(`bands ${previous.key} and ${band.key} overlap`);
    else if (band.min > previous.max + 1) problems.push(`no band covers totals ${previous.max + 1}–${band.min - 1}`);
  }
  const last = sorted.at(-1);
  if (last && last.max < high) problems.push(`no band covers totals ${last.max + 1}–${high}`);
  return problems;
}

/** A definition from its JSON text, or a DefinitionError naming `source` and every reason. */
export function parseDefinition(text: string, source: string): Definition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError(source, [`not JSON: ${(error as Error).message}`]);
  }
  const problems = definitionProblems(parsed);
  if (problems.length > 0) throw new DefinitionError(source, problems);
  return parsed as Definition;
}
