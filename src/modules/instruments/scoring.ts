import { fieldProblem, ruleViolation, type FieldError } from '../../lib/errors.ts';
import type { Answer, Definition, Item } from './definition.ts';
import { holds, isScored, itemScore, type Scope } from './rules.ts';

export interface ScoreContext {
  sex?: 'female' | 'male';
}

export interface ScoreResult {
  total: number | null;
  band: string | null;
  /** null when the instrument has no positive screen (a severity scale such as COWS). */
  positive: boolean | null;
  critical: boolean;
  criticalItems: string[];
  result?: string;
  domains?: Record<string, { total: number; positive: boolean }>;
}

type Answers = Readonly<Record<string, Answer>>;

/**
 * Scores one set of answers. Pure: the same definition and answers give the same result, and
 * nothing is saved. Answers that do not fit the instrument are refused all at once, each named
 * (422 `invalid-answers`), so a wrong answer is never turned into a score.
 */
export function score(definition: Definition, answers: Answers, context: ScoreContext = {}): ScoreResult {
  const items = new Map(definition.items.map((item) => [item.id, item]));
  const errors = answerProblems(definition, items, answers, context);
  if (errors.length > 0) {
    throw ruleViolation('invalid-answers', errors.map((error) => `${error.path}: ${error.message}`).join('; '), { errors });
  }

  const scope: Scope = { answers, context, total: null, domains: {}, items };
  const scoring = definition.scoring;
  if (scoring.total) {
    scope.total = definition.items.filter(isScored).reduce((sum, item) => sum + itemScore(item, answers[item.id]), 0);
  }
  for (const domain of scoring.domains ?? []) {
    const total = domain.items.reduce((sum, id) => sum + itemScore(items.get(id)!, answers[id]), 0);
    scope.domains[domain.key] = { total, positive: false };
    scope.domains[domain.key]!.positive = holds(domain.positive, scope);
  }

  const band = scope.total === null ? null : (scoring.bands?.find((b) => scope.total! >= b.min && scope.total! <= b.max)?.key ?? null);
  const criticalItems = new Set<string>();
  for (const rule of scoring.critical ?? []) {
    if (holds(rule.when, scope)) for (const id of rule.items) if (answers[id] !== undefined) criticalItems.add(id);
  }
  const result: ScoreResult = {
    total: scope.total,
    band,
    positive: scoring.positive ? holds(scoring.positive, scope) : null,
    critical: criticalItems.size > 0,
    criticalItems: [...criticalItems].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10)),
  };
  if (scoring.result) result.result = scoring.result.rules.find((rule) => holds(rule.when, scope))?.key ?? scoring.result.otherwise.key;
  if (scoring.domains) result.domains = scope.domains;
  return result;
}

/** Every reason these answers cannot be scored, each naming the item (or context field). */
function answerProblems(definition: Definition, items: ReadonlyMap<string, Item>, answers: Answers, context: ScoreContext): FieldError[] {
  const errors: FieldError[] = [];
  for (const id of Object.keys(answers)) {
    if (!items.has(id))
      errors.push(fieldProblem(`/answers/${id}`, 'unknown-item', `item ${id} is not in ${definition.abbreviation}`, { item: id }));
  }
  for (const need of definition.context ?? []) {
    if (context[need] === undefined) {
      errors.push(
        fieldProblem(`/context/${need}`, 'context-required', `${definition.abbreviation}'s cut-off depends on ${need}`, { field: need }),
      );
    }
  }
  // Skip logic reads earlier answers, so only the answers' own shapes are checked first.
  const scope: Scope = { answers, context, total: null, domains: {}, items };
  for (const item of definition.items) {
    const answer = answers[item.id];
    const asked = item.askedIf ? holds(item.askedIf, scope) : true;
    if (answer === undefined) {
      if (asked && !item.optional)
        errors.push(fieldProblem(`/answers/${item.id}`, 'answer-required', `item ${item.id} is not answered`, { item: item.id }));
      continue;
    }
    if (!asked) {
      errors.push(
        fieldProblem(`/answers/${item.id}`, 'item-not-asked', `item ${item.id} is not asked with these answers`, { item: item.id }),
      );
      continue;
    }
    const problem = answerProblem(item, answer);
    if (problem)
      errors.push(
        fieldProblem(`/answers/${item.id}`, 'answer-not-allowed', `item ${item.id}: ${problem}`, {
          item: item.id,
          allowed: allowedText(item),
        }),
      );
  }
  return errors;
}

function answerProblem(item: Item, answer: Answer): string | null {
  const values = item.options.map((option) => option.value as unknown);
  if (item.kind === 'multiple') {
    if (!Array.isArray(answer)) return 'choose a list of options';
    if (answer.length === 0) return 'choose at least one option';
    if (new Set(answer).size !== answer.length) return 'an option is chosen twice';
    if (answer.some((value) => !values.includes(value))) return `${JSON.stringify(answer)} is not a list of its options`;
    const exclusive = item.options.filter((option) => option.exclusive).map((option) => option.value as unknown);
    if (answer.length > 1 && answer.some((value) => exclusive.includes(value))) return 'a "none of these" option is chosen with others';
    return null;
  }
  if (Array.isArray(answer)) return 'choose one option, not a list';
  if (item.kind === 'yes-no')
    return answer === 'yes' || answer === 'no' || answer === 'refused' ? null : `${JSON.stringify(answer)} is not yes, no or refused`;
  return values.includes(answer) ? null : `${JSON.stringify(answer)} is not one of its scores`;
}

function allowedText(item: Item): string {
  const values = item.options.map((option) => String(option.value));
  return (item.kind === 'yes-no' ? [...values, 'refused'] : values).join(', ');
}
