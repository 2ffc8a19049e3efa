import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields, rebase, sameValue } from './changes.ts';
import { formPathOf, placeProblem } from './formPaths.ts';

test("a server pointer lands on the form path that holds the field's input", () => {
  const values = {
    email: '',
    roles: ['admin', 'counselor'],
    phones: [{ key: 1, number: '555', kind: 'mobile' }],
    external: { name: '', phone: '' },
  };
  const cases: [string, string | null][] = [
    ['/email', 'email'],
    ['/roles/1', 'roles'],
    ['/phones/0/number', 'phones.0.number'],
    ['/phones/0', 'phones.0'],
    ['/phones/3/number', 'phones'],
    ['/external/name', 'external.name'],
    ['/external/organization', 'external'],
    ['/unknown', null],
    ['/', null],
    ['', null],
  ];
  for (const [pointer, path] of cases) assert.equal(formPathOf(pointer, values), path, pointer);
});

test('placeProblem keeps the first error per field and sets aside those about no field', () => {
  const { placed, unplaced } = placeProblem(
    {
      type: '/api/problems/validation',
      title: '',
      status: 400,
      errors: [
        { path: '/email', message: '', code: 'format' },
        { path: '/email', message: '', code: 'too-long' },
        { path: '/phones/1/number', message: '', code: 'pattern' },
        { path: '/query/cursor', message: '', code: 'invalid' },
      ],
    },
    { email: '', phones: [{ number: '' }, { number: 'x' }] },
  );
  assert.deepEqual(
    Object.entries(placed).map(([path, error]) => [path, error.code]),
    [
      ['email', 'format'],
      ['phones.1.number', 'pattern'],
    ],
  );
  assert.deepEqual(
    unplaced.map((error) => error.path),
    ['/query/cursor'],
  );
  // A body that drops blank rows renumbers them: rename maps the body's row back to the form's.
  const renamed = placeProblem(
    { type: '', title: '', status: 400, errors: [{ path: '/phones/0/number', message: '', code: 'pattern' }] },
    { phones: [{ number: '' }, { number: 'x' }] },
    { rename: (pointer) => pointer.replace('/phones/0', '/phones/1') },
  );
  assert.deepEqual(Object.keys(renamed.placed), ['phones.1.number']);
  // An input whose value the form does not hold still gets its error.
  const outside = placeProblem(
    { type: '', title: '', status: 400, errors: [{ path: '/locale', message: '', code: 'enum' }] },
    { name: '' },
    { outside: ['locale'] },
  );
  assert.deepEqual(Object.keys(outside.placed), ['locale']);
});

test('values compare as data, ignoring key order and row keys', () => {
  assert.ok(sameValue({ a: 1, b: [{ key: 1, n: 'x' }] }, { b: [{ n: 'x', key: 7 }], a: 1 }));
  assert.ok(!sameValue({ a: 1 }, { a: 2 }));
  assert.ok(!sameValue([1, 2], [2, 1]));
  assert.ok(sameValue(null, null));
  assert.ok(!sameValue(null, ''));
});

test('an edit sends only the fields that changed', () => {
  const base = { name: 'Riverbend', description: null as string | null, tags: ['a'] };
  assert.deepEqual(changedFields({ ...base }, base), {});
  assert.deepEqual(changedFields({ ...base, description: 'New' }, base), { description: 'New' });
  assert.deepEqual(changedFields({ ...base, tags: ['a', 'b'] }, base), { tags: ['a', 'b'] });
});

test("a conflict keeps the user's changes on top of the saved version and names where they disagree", () => {
  const original = { first: 'William', last: 'Hart', pronouns: '', phone: '555-0100' };
  const mine = { ...original, last: 'Hartwell', pronouns: 'he/him' };
  const theirs = { ...original, last: 'Harte', phone: '555-0199', pronouns: 'he/him' };
  const rebased = rebase(mine, original, theirs);
  assert.deepEqual(rebased.values, { first: 'William', last: 'Hartwell', pronouns: 'he/him', phone: '555-0199' });
  assert.deepEqual(rebased.conflicts, ['last'], 'both changed the last name, differently');
  assert.deepEqual(rebased.taken, ['phone'], 'only they changed the phone: the form shows theirs');
  // Nothing changed by either: nothing to compare.
  assert.deepEqual(rebase(original, original, original), { values: original, conflicts: [], taken: [] });
});
