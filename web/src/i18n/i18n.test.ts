import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.ts';
import { es } from './es.ts';
import { createTranslator, interpolate, placeholders } from './translate.ts';

test('interpolate replaces {name} placeholders and leaves unknown ones visible', () => {
  const cases: [string, Record<string, string | number> | undefined, string][] = [
    ['Hello, {name}', { name: 'Rosa' }, 'Hello, Rosa'],
    ['{count} of {count}', { count: 3 }, '3 of 3'],
    ['Try at {time} (in {minutes} min)', { time: '3:15 PM', minutes: 15 }, 'Try at 3:15 PM (in 15 min)'],
    ['Hello, {name}', {}, 'Hello, {name}'],
    ['Hello, {name}', undefined, 'Hello, {name}'],
    ['No placeholders', { name: 'x' }, 'No placeholders'],
    ['{a}{b}', { a: '$&', b: '$1' }, '$&$1'],
  ];
  for (const [template, params, expected] of cases) assert.equal(interpolate(template, params), expected, template);
});

test('placeholders lists each {name} once, sorted', () => {
  assert.deepEqual(placeholders('{b} and {a} and {b}'), ['a', 'b']);
  assert.deepEqual(placeholders('none'), []);
});

test('Spanish has exactly the English keys', () => {
  const enKeys = Object.keys(en).sort();
  const esKeys = Object.keys(es).sort();
  assert.deepEqual(
    esKeys.filter((key) => !enKeys.includes(key)),
    [],
    'keys only in es',
  );
  assert.deepEqual(
    enKeys.filter((key) => !esKeys.includes(key)),
    [],
    'keys missing in es',
  );
});

test('every Spanish message uses the same placeholders as the English one and is not empty', () => {
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual(placeholders(es[key]), placeholders(en[key]), `placeholders of ${key}`);
    assert.notEqual(es[key].trim(), '', `es ${key} is empty`);
    assert.notEqual(en[key].trim(), '', `en ${key} is empty`);
  }
});

test('the translator interpolates known keys and tMaybe answers null for unknown codes', () => {
  const { t, tMaybe } = createTranslator(es);
  assert.equal(t('home.title', { name: 'Ana' }), 'Hola, Ana');
  assert.equal(tMaybe('recordType.program'), 'Programa');
  assert.equal(tMaybe('recordType.care-plan'), null);
  assert.equal(tMaybe('toString'), null);
});
