import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtInInstruments } from './catalogue.ts';
import { DefinitionError, parseDefinition, type Definition } from './definition.ts';
import { totalRange } from './rules.ts';

// A malformed definition is refused when loaded, with its source and every reason.
const phq9 = readFileSync(path.join(import.meta.dirname, 'definitions/phq-9.json'), 'utf8');

function refusal(change: (definition: Definition) => void): string[] {
  const definition = JSON.parse(phq9) as Definition;
  change(definition);
  try {
    parseDefinition(JSON.stringify(definition), 'test.json');
  } catch (error) {
    assert.ok(error instanceof DefinitionError);
    assert.match(error.message, /^test\.json: not a valid instrument definition/);
    return [...error.reasons];
  }
  assert.fail('the definition was accepted');
}

test('every built-in instrument loads, under the keys the issue names', () => {
  assert.deepEqual([...builtInInstruments.keys()].sort(), [
    'ahc-hrsn',
    'asq',
    'audit-c',
    'barc-10',
    'ciwa-ar',
    'cows',
    'gad-7',
    'phq-2',
    'phq-9',
    'taps-1',
  ]);
  for (const definition of builtInInstruments.values()) {
    assert.ok(definition.source.length > 0 && definition.licence.length > 0, `${definition.key} names its source and licence`);
  }
  const ranges = Object.fromEntries(
    [...builtInInstruments.values()].filter((d) => d.scoring.total).map((d: Definition) => [d.key, totalRange(d)]),
  );
  assert.deepEqual(ranges, {
    'audit-c': [0, 12],
    'barc-10': [10, 60],
    'ciwa-ar': [0, 67],
    cows: [0, 48],
    'gad-7': [0, 21],
    'phq-2': [0, 6],
    'phq-9': [0, 27],
  });
});

test('bands that overlap, leave a gap or leave the possible totals are refused', () => {
  assert.deepEqual(
    refusal((d) => (d.scoring.bands![1]!.min = 4)),
    ['bands minimal and mild overlap'],
  );
  assert.deepEqual(
    refusal((d) => (d.scoring.bands![1]!.min = 6)),
    ['no band covers totals 5–5'],
  );
  assert.deepEqual(
    refusal((d) => (d.scoring.bands![4]!.max = 30)),
    ['band severe (20–30) is outside the possible totals 0–27'],
  );
  assert.deepEqual(
    refusal((d) => (d.scoring.bands![4]!.max = 26)),
    ['no band covers totals 27–27'],
  );
});

test('an option score not allowed, an unknown item in a rule, a duplicate item are refused', () => {
  assert.deepEqual(
    refusal((d) => (d.items[0]!.options[0]!.value = 'yes')),
    ['item 1: option values must be scores (whole numbers of 0 or more)'],
  );
  assert.ok(refusal((d) => (d.items[0]!.options[0]!.value = -1)).some((reason) => reason.includes('/items/0/options/0/value')));
  assert.deepEqual(
    refusal((d) => (d.scoring.critical![0]!.when = { item: '12', min: 1 })),
    ['critical rule 1 names item 12, which the instrument does not have'],
  );
  assert.deepEqual(
    refusal((d) => (d.scoring.critical![0]!.when = { item: '9', in: [7] })),
    ['critical rule 1 tests item 9 for 7, which is not one of its answers'],
  );
  assert.deepEqual(
    refusal((d) => (d.items[1]!.id = '1')),
    ['item 1 appears twice', "item 10's skip rule names item 2, which the instrument does not have"],
  );
  assert.ok(refusal((d) => (d.scoring.positive = { domain: 'housing' }))[0]?.includes('domain housing'));
  assert.ok(refusal((d) => delete (d as Partial<Definition>).licence).some((reason) => reason.includes('licence')));
});

test('text that is not JSON is refused with the reason', () => {
  assert.throws(
    () => parseDefinition('{ "key": ', 'broken.json'),
    (error: unknown) => error instanceof DefinitionError && /broken\.json: .*not JSON/s.test(error.message),
  );
});
