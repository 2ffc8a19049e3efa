// Which message explains a failed call or a refused field, from the codes the API sends (its
// English `detail` and `message` are for API users and logs, never for the screen). Pure, so
// node:test covers it; problems.tsx binds it to the user's language.
import { problemType, type FieldProblem, type Problem } from '../api/problem.ts';
import type { Params } from '../i18n/translate.ts';

type Translate = (key: string, params?: Params) => string | null;

/** A generic message for each status, when neither the code nor the type has words. */
function statusKey(status: number): string {
  if (status === 0) return 'problem.network';
  if (status >= 500) return 'problem.server';
  switch (status) {
    case 400:
      return 'problem.validation';
    case 401:
      return 'problem.unauthenticated';
    case 403:
      return 'problem.forbidden';
    case 404:
    case 410:
      return 'problem.not-found';
    case 409:
      return 'problem.conflict';
    case 413:
      return 'problem.payload-too-large';
    case 422:
      return 'problem.rule-violation';
    case 429:
      return 'problem.rate-limited';
    default:
      return 'problem.unexpected';
  }
}

/** The keys to try for a problem, most specific first: its code, its type, its status. */
export function problemKeys(problem: Problem): string[] {
  const type = problemType(problem);
  return [...new Set([`problem.${problem.code ?? type}`, `problem.${type}`, statusKey(problem.status), 'problem.unexpected'])];
}

/** The last segment of a JSON pointer that names a field: `/phones/0/number` → `number`. */
function fieldName(path: string): string | null {
  const named = path
    .split('/')
    .slice(1)
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return named.at(-1) ?? null;
}

/**
 * The keys to try for a field error, most specific first: the code's wording for this field
 * (`field.pattern.totp`) or this format (`field.format.email`), the generic code (`field.too-long`),
 * a module's code (`problem.placement-overlap`), and a plain "check this value".
 */
export function fieldProblemKeys(error: FieldProblem): string[] {
  const { code } = error;
  if (code === undefined) return ['field.invalid'];
  const keys: string[] = [];
  const field = fieldName(error.path);
  if (field !== null) keys.push(`field.${code}.${field}`);
  const format = error.params?.format;
  if (code === 'format' && typeof format === 'string') keys.push(`field.format.${format}`);
  keys.push(`field.${code}`, `problem.${code}`, 'field.invalid');
  return keys;
}

function firstTranslated(keys: readonly string[], translate: Translate, params?: Params): string {
  for (const key of keys) {
    const text = translate(key, params);
    if (text !== null) return text;
  }
  return keys.at(-1) ?? '';
}

/** A sentence for a failed call, in the language `translate` speaks. */
export function describeProblem(problem: Problem, translate: Translate, formatParams: (params: Params) => Params = (p) => p): string {
  return firstTranslated(problemKeys(problem), translate, formatParams(problem.params ?? {}));
}

/** A sentence for one refused field, in the language `translate` speaks. */
export function describeFieldProblem(
  error: FieldProblem,
  translate: Translate,
  formatParams: (params: Params) => Params = (p) => p,
): string {
  return firstTranslated(fieldProblemKeys(error), translate, formatParams(error.params ?? {}));
}
