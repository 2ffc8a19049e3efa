import type { ErrorObject } from 'ajv';
import { fieldProblem, type FieldError } from '../errors.ts';

/** A pattern that only says "not blank" (see `Text` in schemas.ts) gets its own code. */
export const NOT_BLANK = '\\S';

function one(error: ErrorObject, path: string): FieldError {
  const params = error.params as Record<string, unknown>;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'minLength':
      return fieldProblem(path, 'too-short', `must have at least ${limit} characters`, { min: limit });
    case 'maxLength':
      return fieldProblem(path, 'too-long', `must have at most ${limit} characters`, { max: limit });
    case 'minItems':
      return fieldProblem(path, 'too-few-items', `must have at least ${limit} items`, { min: limit });
    case 'maxItems':
      return fieldProblem(path, 'too-many-items', `must have at most ${limit} items`, { max: limit });
    case 'minimum':
      return fieldProblem(path, 'minimum', `must be at least ${limit}`, { limit });
    case 'maximum':
      return fieldProblem(path, 'maximum', `must be at most ${limit}`, { limit });
    case 'format':
      return fieldProblem(path, 'format', `must be a valid ${String(params.format)}`, { format: String(params.format) });
    case 'pattern':
      return params.pattern === NOT_BLANK
        ? fieldProblem(path, 'blank', 'must not be blank')
        : fieldProblem(path, 'pattern', 'is not in the expected form');
    case 'enum':
    case 'const':
      return fieldProblem(path, 'enum', 'is not one of the allowed values');
    case 'type':
      return fieldProblem(path, 'type', `must be ${String(params.type)}`);
    case 'uniqueItems':
      return fieldProblem(path, 'unique-items', 'must not list the same item twice');
    default:
      return fieldProblem(path, 'invalid', error.message ?? 'is not valid');
  }
}

/**
 * Ajv errors → `[{ path: "/email", code, message, params }]`, pointing at the field the user
 * must fix. A nullable field that is too long also fails "must be null" and "anyOf": those
 * echoes of a union are dropped when a more telling error names the same field.
 */
export function fieldErrors(errors: readonly ErrorObject[], part: string): FieldError[] {
  const prefix = part === 'body' ? '' : `/${part}`;
  const mapped = errors
    .filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf')
    .map((error) => {
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'additionalProperties') {
        return fieldProblem(`${prefix}${error.instancePath}/${String(params.additionalProperty)}`, 'unknown-field', 'is not a known field');
      }
      if (error.keyword === 'required') {
        return fieldProblem(`${prefix}${error.instancePath}/${String(params.missingProperty)}`, 'required', 'is required');
      }
      return one(error, `${prefix}${error.instancePath}` || '/');
    });
  const telling = new Set(mapped.filter((error) => error.code !== 'type' && error.code !== 'enum').map((error) => error.path));
  const kept = mapped.filter((error) => !(telling.has(error.path) && (error.code === 'type' || error.code === 'enum')));
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.path} ${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
