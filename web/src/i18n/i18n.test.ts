import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locales } from '../api/codes.ts';
import { catalogue, messageFiles, messagesIn } from '../app/catalogue.ts';
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

test('plural cases follow the language’s plural rules (Intl.PluralRules), with # as the number', () => {
  const people = '{total, plural, one {# person} other {# people}}';
  const personas = '{shown} de {total, plural, =0 {ninguna persona} one {# persona} other {# personas}}';
  const cases: [string, Record<string, number>, string, string][] = [
    [people, { total: 1 }, 'en-US', '1 person'],
    [people, { total: 2 }, 'en-US', '2 people'],
    [people, { total: 0 }, 'en-US', '0 people'],
    [people, { total: 1500 }, 'en-US', '1,500 people'],
    [personas, { shown: 1, total: 1 }, 'es-US', '1 de 1 persona'],
    [personas, { shown: 0, total: 0 }, 'es-US', '0 de ninguna persona'],
    [personas, { shown: 2, total: 3 }, 'es-US', '2 de 3 personas'],
  ];
  for (const [template, params, locale, expected] of cases) assert.equal(interpolate(template, params, locale), expected);
  assert.equal(interpolate(people, {}), people, 'without its number the block stays visible');
  const en = createTranslator(messagesIn('en'), 'en-US').t;
  const es = createTranslator(messagesIn('es'), 'es-US').t;
  assert.equal(en('caseload.count', { total: 1 }), '1 person');
  assert.equal(es('caseload.count', { total: 1 }), '1 persona');
  assert.equal(es('caseload.countFiltered', { shown: 1, total: 3 }), '1 de 3 personas');
});

test('placeholders lists each {name} once, sorted', () => {
  assert.deepEqual(placeholders('{b} and {a} and {b}'), ['a', 'b']);
  assert.deepEqual(placeholders('{shown} of {total, plural, one {# person} other {# people}}'), ['shown', 'total']);
  assert.deepEqual(placeholders('none'), []);
});

test('no message key is declared in two message files', () => {
  const seen = new Map<string, number>();
  messageFiles.forEach((file, index) => {
    for (const key of Object.keys(file)) {
      assert.equal(seen.get(key), undefined, `${key} is declared in message files ${seen.get(key)} and ${index}`);
      seen.set(key, index);
    }
  });
  assert.equal(seen.size, Object.keys(catalogue).length);
});

test('every message has every language, with the same placeholders as the English, and none is empty', () => {
  for (const [key, message] of Object.entries(catalogue)) {
    for (const locale of locales) {
      assert.equal(typeof message[locale], 'string', `${locale} ${key}`);
      assert.notEqual(message[locale].trim(), '', `${locale} ${key} is empty`);
      assert.deepEqual(placeholders(message[locale]), placeholders(message.en), `placeholders of ${locale} ${key}`);
    }
  }
});

test('the translator interpolates known keys and tMaybe answers null for unknown codes', () => {
  const { t, tMaybe } = createTranslator(messagesIn('es'));
  assert.equal(t('home.title', { name: 'Ana' }), 'Hola, Ana');
  assert.equal(tMaybe('recordType.program'), 'Programa');
  assert.equal(tMaybe('recordType.care-plan'), null);
  assert.equal(tMaybe('toString'), null);
  assert.equal(createTranslator(messagesIn('en')).t('home.title', { name: 'Ana' }), 'Hello, Ana');
});
test('a word not yet arrived is blank, never a fault, and asks for the rest of the language', () => {
  const asked: string[] = [];
  // The first part of a column: the type says every key, the words are not all there yet.
  const firstPart = JSON.parse('{"page.title": "Title of {name}"}') as Readonly<Record<'page.title' | 'page.other', string>>;
  const { t, tMaybe } = createTranslator(firstPart, 'en-US', (key) => asked.push(key));
  assert.equal(t('page.title', { name: 'Ana' }), 'Title of Ana');
  assert.deepEqual(asked, []);
  assert.equal(t('page.other', { count: 2 }), '');
  assert.equal(tMaybe('page.code'), null);
  assert.deepEqual(asked, ['page.other', 'page.code']);
  // Without anyone to tell (every word is there), an unknown code is simply unknown.
  assert.equal(createTranslator({}).tMaybe('page.code'), null);
});
