import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capped } from './exports.ts';

/** A query over `total` rows that records the limit it was given. */
function rowsQuery(total: number) {
  const asked: number[] = [];
  const rows = Array.from({ length: total }, (_, i) => i);
  return { asked, query: { limit: (n: number) => (asked.push(n), { execute: async () => rows.slice(0, n) }) } };
}

test('capped: one row past the cap is fetched, the cap kept, and a cut said', async () => {
  const over = rowsQuery(5);
  assert.deepEqual(await capped(over.query, 3), { rows: [0, 1, 2], truncated: true });
  assert.deepEqual(over.asked, [4]);
  assert.deepEqual(await capped(rowsQuery(4).query, 3), { rows: [0, 1, 2], truncated: true });
  assert.deepEqual(await capped(rowsQuery(3).query, 3), { rows: [0, 1, 2], truncated: false });
  assert.deepEqual(await capped(rowsQuery(0).query, 3), { rows: [], truncated: false });
});

test('capped: 50,000 rows unless told otherwise', async () => {
  const few = rowsQuery(2);
  assert.deepEqual(await capped(few.query), { rows: [0, 1], truncated: false });
  assert.deepEqual(few.asked, [50_001]);
});
