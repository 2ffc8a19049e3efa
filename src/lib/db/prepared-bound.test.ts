import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery } from 'kysely';
import { prepared } from './prepared.ts';

// Its own file (its own process): it fills the bound that every other test relies on.
test('reaching the bound of named texts warns the process once', async () => {
  const warned: string[] = [];
  process.on('warning', (warning) => {
    if (warning.name === 'BridgewayNamedStatements') warned.push(warning.message);
  });
  const text = (n: number) => ({ compile: () => CompiledQuery.raw(`select ${n} as bound_test`) });
  for (let n = 0; n < 210; n++) prepared(text(n));
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  assert.deepEqual(warned, ['200 statement texts are named; further ones go unnamed']);
});
