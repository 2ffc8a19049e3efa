import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { fieldError, type FieldError } from '../errors.ts';
import { fieldErrors } from './field-errors.ts';

/**
 * Two validators: bodies are checked strictly (no type coercion, unknown fields refused rather
 * than dropped), while query strings and path parameters, which arrive as text, are coerced.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
const lenient = makeAjv(true);
const cache = new WeakMap<object, ValidateFunction>();

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : lenient;
  const key = schema as object;
  let validate = httpPart === 'body' ? cache.get(key) : undefined;
  if (!validate) {
    validate = ajv.compile(schema as object);
    if (httpPart === 'body') cache.set(key, validate);
  }
  const compiled = validate;
  return (data: unknown) =>
    compiled(data) ? { value: data } : { error: Object.assign(new Error('validation failed'), { validation: compiled.errors }) };
};

// C0 control characters and DEL, except tab, line feed and carriage return: nothing a person
// types, and PostgreSQL refuses NUL in text (a 500 before this guard).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function findControl(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '/' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findControl(item, `${path}/${index}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findControl(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Every route: no control characters in the body, the query or the path, named by field. */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = findControl(request.body, '') ?? findControl(request.query, '/query') ?? findControl(request.params, '/params');
    if (found) throw fieldError(found, 'control-characters', 'must not contain control characters');
  });
}

/** Validates a body outside HTTP (the command line) with the same rules and messages as the API. */
export function checkBody(schema: object, data: unknown): FieldError[] {
  const validate = strict.compile(schema);
  return validate(data) ? [] : fieldErrors(validate.errors ?? [], 'body');
}
