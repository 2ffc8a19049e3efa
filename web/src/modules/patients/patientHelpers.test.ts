import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelEditions, levelsOfCare } from '../../api/codes.ts';
import { catalogue, messagesIn } from '../../app/catalogue.ts';
import { createTranslator } from '../../i18n/translate.ts';
import {
  ageOn,
  blockedBySharedIdentifier,
  browserLanguageNamer,
  displayName,
  languageName,
  legalNameIfDifferent,
  levelKeys,
  levelLabel,
  nextPhases,
  parsePossibleDuplicates,
  searchQuery,
} from './patientHelpers.ts';

test('the name shown is the preferred first name with the last name; the legal name only when it differs', () => {
  const william = { legalFirstName: 'William', legalMiddleName: null, legalLastName: 'Hart', preferredName: 'Bill' };
  assert.equal(displayName(william), 'Bill Hart');
  assert.equal(legalNameIfDifferent(william), 'William Hart');
  const rosa = { legalFirstName: 'Rosa', legalMiddleName: null, legalLastName: 'Díaz', preferredName: null };
  assert.equal(displayName(rosa), 'Rosa Díaz');
  assert.equal(legalNameIfDifferent(rosa), null);
  assert.equal(displayName({ ...rosa, preferredName: '  ' }), 'Rosa Díaz');
});

test('age counts whole years and turns on the birthday', () => {
  assert.equal(ageOn('1990-06-15', '2025-06-14'), 34);
  assert.equal(ageOn('1990-06-15', '2025-06-15'), 35);
  assert.equal(ageOn('2000-02-29', '2025-02-28'), 24);
  assert.equal(ageOn('2000-02-29', '2025-03-01'), 25);
  assert.equal(ageOn('nonsense', '2025-03-01'), null);
});

test('the allowed next phases follow the continuum and closed is final', () => {
  assert.deepEqual(nextPhases('outreach'), ['intake', 'primary-treatment', 'closed']);
  assert.deepEqual(nextPhases('continuing-care'), ['primary-treatment', 'closed']);
  assert.deepEqual(nextPhases('closed'), []);
});

test('every level of care of every edition has a label in English and Spanish', () => {
  for (const edition of levelEditions) {
    for (const code of levelsOfCare[edition]) {
      const keys = levelKeys(edition, code);
      // A key in the catalogue has both languages (the type requires them).
      assert.ok(Object.hasOwn(catalogue, keys.level), keys.level);
      if (edition !== 'other') assert.ok(Object.hasOwn(catalogue, keys.edition), keys.edition);
    }
  }
  const { tMaybe } = createTranslator(messagesIn('en'));
  assert.equal(levelLabel(tMaybe, 'asam-3', '2.1'), 'ASAM 3rd ed. 2.1 Intensive outpatient');
  assert.equal(levelLabel(tMaybe, 'other', 'recovery-housing'), 'Recovery housing');
  assert.equal(levelLabel(tMaybe, 'asam-4', '9.9'), 'ASAM 4th ed. 9.9');
});

test('a possible-duplicate answer is read defensively', () => {
  const body = {
    type: '/api/problems/possible-duplicate',
    candidates: [
      {
        patient: { id: 'a', legalFirstName: 'William', legalLastName: 'Hart', preferredName: null, dateOfBirth: '1980-01-02' },
        reasons: ['same-birth-date', 'nickname', 'something-new'],
        score: 0.8,
      },
      { patient: { id: 3 }, reasons: [] },
      'nonsense',
    ],
  };
  const parsed = parsePossibleDuplicates(body);
  assert.equal(parsed.candidates.length, 1);
  assert.deepEqual(parsed.candidates[0]?.reasons, ['same-birth-date', 'nickname']);
  assert.equal(blockedBySharedIdentifier(parsed, false), false);
  assert.equal(blockedBySharedIdentifier(parsed, true), true);
  assert.deepEqual(parsePossibleDuplicates(null), { candidates: [] });
  const patient = { id: 'b', legalFirstName: 'Ana', legalLastName: 'Ruiz', preferredName: null, dateOfBirth: '1990-05-06' };
  const shared = parsePossibleDuplicates({ candidates: [{ patient, reasons: ['same-identifier'] }] });
  assert.equal(blockedBySharedIdentifier(shared, false), true);
});

test('a search needs at least one usable term', () => {
  assert.equal(searchQuery({ kind: 'name', text: 'a', dateOfBirth: '' }), null);
  assert.deepEqual(searchQuery({ kind: 'name', text: ' hart ', dateOfBirth: '' }), { q: 'hart' });
  assert.deepEqual(searchQuery({ kind: 'phone', text: '(555) 0142', dateOfBirth: '' }), { phone: '5550142' });
  assert.equal(searchQuery({ kind: 'phone', text: '12', dateOfBirth: '' }), null);
  assert.deepEqual(searchQuery({ kind: 'identifier', text: 'MRN-1', dateOfBirth: '1980-01-02' }), {
    identifier: 'MRN-1',
    dateOfBirth: '1980-01-02',
  });
  assert.deepEqual(searchQuery({ kind: 'name', text: '', dateOfBirth: '1980-01-02' }), { dateOfBirth: '1980-01-02' });
});

test('languages the browser does not name get our own names, in English and Spanish', () => {
  const en = createTranslator(messagesIn('en'), 'en-US').tMaybe;
  const es = createTranslator(messagesIn('es'), 'es-US').tMaybe;
  // Chromium's trimmed data: it answers with the code itself (or nothing) for Navajo and ASL.
  const chromium = { of: (code: string) => (code === 'es' ? 'Spanish' : code === 'nv' ? 'nv' : undefined) };
  assert.equal(languageName('nv', chromium, en), 'Navajo');
  assert.equal(languageName('ase', chromium, en), 'American Sign Language');
  assert.equal(languageName('ase', chromium, es), 'lengua de señas americana');
  assert.equal(languageName('es', chromium, en), 'Spanish', 'the browser’s name where it has one');
  assert.equal(languageName('xx', chromium, en), 'xx', 'a code nobody names stays visible');
  assert.equal(languageName('ase', browserLanguageNamer('es-US'), es), 'lengua de señas americana');
  assert.equal(languageName('not a code', browserLanguageNamer('en-US'), en), 'not a code');
});
