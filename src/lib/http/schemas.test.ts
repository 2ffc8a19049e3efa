import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Problem } from '../errors.ts';
import { decodeCursor, encodeCursor, toPage } from './schemas.ts';

test('a cursor round-trips its sort key; a foreign or malformed cursor is a 400 naming the cursor', () => {
  assert.deepEqual(decodeCursor(encodeCursor(['ana smith', '0190d2d6-0000-7000-8000-000000000001']), ['string', 'uuid']), [
    'ana smith',
    '0190d2d6-0000-7000-8000-000000000001',
  ]);
  assert.equal(decodeCursor(undefined, ['number']), null);
  for (const bad of [
    'garbage',
    encodeCursor([1, 2]),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor([{}] as unknown as string[]),
  ]) {
    assert.throws(
      () => decodeCursor(bad, ['uuid']),
      (error: unknown) => error instanceof Problem && error.status === 400 && error.errors?.[0]?.path === '/query/cursor',
    );
  }
});

test('a page holds at most the limit and a cursor only when more rows exist', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => ({ n }));
  const full = toPage(rows, 4, (row) => [row.n]);
  assert.deepEqual(
    full.items.map((row) => row.n),
    [1, 2, 3, 4],
  );
  assert.deepEqual(decodeCursor(full.nextCursor ?? undefined, ['number']), [4]);
  assert.equal(toPage(rows, 5, (row) => [row.n]).nextCursor, null);
  assert.equal(toPage([], 5, () => []).nextCursor, null);
});
