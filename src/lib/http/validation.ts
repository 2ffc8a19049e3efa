import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.ts';
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

/** Validates a body outside HTTP (the command line) with the same rules and messages as the API. */
export function checkBody(schema: object, data: unknown): FieldError[] {
  const validate = strict.compile(schema);
  return validate(data) ? [] : fieldErrors(validate.errors ?? [], 'body');
}
