import { randomUUID } from 'node:crypto';

/**
 * The smallest body a JSON schema accepts (required properties only): the generated access
 * matrix sends it so that a route's schema validation passes and its access check is what
 * answers. Covers what our TypeBox schemas use: objects, strings with formats, enums and
 * lengths, numbers, booleans, arrays, unions.
 */
type Schema = Record<string, unknown>;

export function sampleFromSchema(schema: Schema | undefined, today: string): unknown {
  if (!schema) return undefined;
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf) return sampleFromSchema(anyOf.find((option) => option.type !== 'null') ?? anyOf[0], today);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      // A body that must say something (an edit) gets its first optional field too.
      if (required.size === 0 && Number(schema.minProperties ?? 0) > 0) {
        const first = Object.keys(properties)[0];
        if (first) required.add(first);
      }
      return Object.fromEntries([...required].map((name) => [name, sampleFromSchema(properties[name], today)]));
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => sampleFromSchema(schema.items as Schema, today));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, today);
    default:
      return null;
  }
}

function sampleString(schema: Schema, today: string): string {
  switch (schema.format) {
    case 'date':
      return today;
    case 'date-time':
      return new Date().toISOString();
    case 'uuid':
      return randomUUID();
    case 'email':
      return 'matrix@example.org';
  }
  if (schema.pattern === '^[0-9]{6}$') return '123456';
  // A schema's own example, where a pattern leaves no plain sentence valid (an instrument key).
  if (Array.isArray(schema.examples) && typeof schema.examples[0] === 'string') return schema.examples[0];
  const length = Math.max(Number(schema.minLength ?? 1), 1);
  return 'Sample text for the access matrix'.padEnd(length, 'x').slice(0, Math.max(length, Math.min(33, Number(schema.maxLength ?? 33))));
}
