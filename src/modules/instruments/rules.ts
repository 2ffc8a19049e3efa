// The pure rules of an instrument definition: what an item adds to a total, whether a rule
// holds, which items are asked. No validation library here, so the web app's scoring preview
// shares them (skip logic on screen is the server's skip logic).
import type { Answer, ConditionNode, Definition, Item } from './definition.ts';
import type { ScoreContext } from './scoring.ts';

export interface Scope {
  answers: Readonly<Record<string, Answer>>;
  context: ScoreContext;
  total: number | null;
  domains: Record<string, { total: number; positive: boolean }>;
  items: ReadonlyMap<string, Item>;
}

/** The lowest and highest score an item adds to a total. */
function itemRange(item: Item): [number, number] {
  const values = item.options
    .map((option) => (item.kind === 'yes-no' ? option.score : option.value))
    .filter((value): value is number => typeof value === 'number');
  if (item.kind === 'multiple') {
    // A multiple-choice item counts what was chosen (its values are codes, not scores).
    return [0, item.options.filter((option) => !option.exclusive).length];
  }
  return [Math.min(...values), Math.max(...values)];
}

/** The totals a definition can produce, when it has a total. */
export function totalRange(definition: Definition): [number, number] {
  let low = 0;
  let high = 0;
  for (const item of definition.items.filter(isScored)) {
    const [min, max] = itemRange(item);
    low += min;
    high += max;
  }
  return [low, high];
}

export function isScored(item: Item): boolean {
  if (item.scored === false) return false;
  return item.kind !== 'yes-no' || item.options.every((option) => option.score !== undefined);
}

/** What an item adds to a total or a sum: nothing if unanswered or refused. */
export function itemScore(item: Item, answer: Answer | undefined): number {
  if (answer === undefined || answer === 'refused') return 0;
  if (answer === 'yes' || answer === 'no') return item.options.find((option) => option.value === answer)?.score ?? 0;
  if (Array.isArray(answer)) {
    const exclusive = new Set(item.options.filter((option) => option.exclusive).map((option) => option.value));
    return answer.filter((value) => !exclusive.has(value)).length;
  }
  if (item.reverse) {
    const [low, high] = itemRange(item);
    return low + high - answer;
  }
  return answer;
}

export function holds(condition: ConditionNode, scope: Scope): boolean {
  if ('any' in condition) return condition.any.some((part) => holds(part, scope));
  if ('all' in condition) return condition.all.every((part) => holds(part, scope));
  if ('sex' in condition) return scope.context.sex === condition.sex;
  if ('domain' in condition) return scope.domains[condition.domain]?.positive ?? false;
  if ('total' in condition) return scope.total !== null && scope.total >= condition.total.min;
  if ('sum' in condition)
    return condition.sum.reduce((sum, id) => sum + itemScore(scope.items.get(id)!, scope.answers[id]), 0) >= condition.min;
  const answer = scope.answers[condition.item];
  if (answer === undefined) return false;
  if ('in' in condition) {
    const wanted = condition.in as readonly unknown[];
    return Array.isArray(answer) ? answer.some((value) => wanted.includes(value)) : wanted.includes(answer);
  }
  return typeof answer === 'number' && answer >= condition.min;
}

/** Whether an item is asked, given the answers so far (its skip rule). */
export function isAsked(definition: Definition, item: Item, answers: Readonly<Record<string, Answer>>): boolean {
  if (!item.askedIf) return true;
  const scope: Scope = { answers, context: {}, total: null, domains: {}, items: new Map(definition.items.map((i) => [i.id, i])) };
  return holds(item.askedIf, scope);
}
