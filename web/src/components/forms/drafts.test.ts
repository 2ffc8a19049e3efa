import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftIdsOf, dropDrafts, hasDraft, keepDraft, keepOpenForms, peekDraft, takeDraft, whileOpen } from './drafts.ts';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

test('a draft is handed back once, to the same user, for the same form', () => {
  const store = memory();
  const base = { values: { pronouns: '' }, version: 3 };
  keepDraft({ userId: 'rosa', form: 'patient:1', values: { pronouns: 'she/her' }, base }, 1000, store);
  assert.equal(hasDraft('rosa', 'patient:1', 2000, store), true);
  assert.deepEqual(peekDraft('rosa', 'patient:1', 2000, store)?.values, { pronouns: 'she/her' }, 'looking leaves it');
  assert.equal(hasDraft('luis', 'patient:1', 2000, store), false, 'another user on the same computer gets nothing');
  assert.equal(takeDraft('luis', 'patient:1', 2000, store), null);
  assert.equal(takeDraft('rosa', 'patient:2', 2000, store), null, 'another form gets nothing');
  const draft = takeDraft<{ pronouns: string }>('rosa', 'patient:1', 2000, store);
  assert.deepEqual(draft?.values, { pronouns: 'she/her' });
  assert.deepEqual(draft?.base, base);
  assert.equal(takeDraft('rosa', 'patient:1', 3000, store), null, 'only once');
  assert.equal(store.items.size, 0, 'nothing left behind');
});

test('a draft expires after 12 hours, a newer one replaces an older, and signing out drops them all', () => {
  const store = memory();
  keepDraft({ userId: 'rosa', form: 'patient:new', values: { n: 1 }, base: null }, 0, store);
  keepDraft({ userId: 'rosa', form: 'patient:new', values: { n: 2 }, base: null }, 10, store);
  assert.deepEqual(takeDraft<{ n: number }>('rosa', 'patient:new', 20, store)?.values, { n: 2 });
  keepDraft({ userId: 'rosa', form: 'patient:new', values: { n: 3 }, base: null }, 0, store);
  assert.equal(takeDraft('rosa', 'patient:new', 12 * 60 * 60 * 1000 + 1, store), null);
  keepDraft({ userId: 'rosa', form: 'patient:9', values: {}, base: null }, 0, store);
  dropDrafts(store);
  assert.equal(hasDraft('rosa', 'patient:9', 1, store), false);
});

test('a list screen finds which of its records has a draft, for this user only', () => {
  const store = memory();
  keepDraft({ userId: 'rosa', form: 'registration-review:r7', values: { note: 'same person' }, base: null }, 0, store);
  keepDraft({ userId: 'rosa', form: 'patient:9', values: {}, base: null }, 0, store);
  keepDraft({ userId: 'luis', form: 'registration-review:r8', values: { note: '' }, base: null }, 0, store);
  assert.deepEqual(draftIdsOf('rosa', 'registration-review:', 10, store), ['r7']);
  assert.deepEqual(draftIdsOf('rosa', 'registration-review:', 12 * 60 * 60 * 1000 + 1, store), [], 'too old');
  takeDraft('rosa', 'registration-review:r7', 20, store);
  assert.deepEqual(draftIdsOf('rosa', 'registration-review:', 30, store), [], 'taken');
});

test('a session found ended asks every open form to keep what it holds; a closed form is not asked', () => {
  const asked: string[] = [];
  const closeConsent = whileOpen(() => asked.push('consent'));
  const closeTask = whileOpen(() => asked.push('task'));
  keepOpenForms();
  assert.deepEqual(asked, ['consent', 'task']);
  closeConsent();
  closeTask();
  keepOpenForms();
  assert.deepEqual(asked, ['consent', 'task'], 'closed forms are forgotten');
});

test('signing out on purpose forgets the open forms too: a read refused meanwhile keeps nothing', () => {
  const asked: string[] = [];
  whileOpen(() => asked.push('organization'));
  dropDrafts(memory());
  keepOpenForms();
  assert.deepEqual(asked, []);
});
