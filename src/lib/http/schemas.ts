import { Type, type TSchema } from 'typebox';
import { fieldError } from '../errors.ts';
import { NOT_BLANK } from './field-errors.ts';

export const Uuid = Type.String({ format: 'uuid' });
/** Text a person types: not empty, not only spaces (a 400 `blank` names the field), at most `max` characters. */
export const Text = (max: number, options: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK, ...options });
/** A value or null (a field that may be cleared). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const IdParams = Type.Object({ id: Uuid });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time' });
export const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one answers 409.' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String({ description: 'The specific reason, for clients to translate (docs/api.md "Problem codes")' }),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String(),
          message: Type.String(),
          code: Type.String(),
          params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        }),
      ),
    ),
    currentVersion: Type.Optional(Type.Integer()),
    retryAfterSeconds: Type.Optional(Type.Integer()),
  },
  { $id: 'Problem', additionalProperties: true },
);
const problemRef = Type.Ref('Problem');

/** The error answers a route can give, for the OpenAPI document. */
export function problems(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemRef]));
}

export const ListQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export function page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

type CursorPart = 'string' | 'number' | 'uuid';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPart(value: unknown, kind: CursorPart): boolean {
  if (kind === 'number') return typeof value === 'number' && Number.isSafeInteger(value);
  return typeof value === 'string' && (kind === 'string' || UUID.test(value));
}

/** Reads a cursor back, checking each part's kind so a forged one is a 400, never a 500. */
export function decodeCursor(cursor: string | undefined, kinds: readonly CursorPart[]): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === kinds.length && values.every((value, i) => isPart(value, kinds[i] ?? 'string'))) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw fieldError('/query/cursor', 'invalid', 'is not a cursor this list gave out');
}

/** Takes `limit + 1` rows, returns the page and the cursor of its last row when there is more. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
