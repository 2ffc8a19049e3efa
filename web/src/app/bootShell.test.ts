import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogue } from './catalogue.ts';

// index.html's static sign-in form and My caseload's heading (shown by public/first-paint.js
// before the app has arrived) carry their words in both languages: English as its text, Spanish in `data-es`. They must be
// the app's own words, or the form would change its words (and its boxes) when the app takes over.
const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

test("index.html's static sign-in form and My caseload heading say what the app's pages say, in English and Spanish", () => {
  const found = [...html.matchAll(/data-message="([^"]+)"\s+data-es="([^"]*)"\s*>([^<]*)</g)].map(([, key = '', es = '', en = '']) => ({
    key,
    en: squeeze(en),
    es: squeeze(es),
  }));
  assert.deepEqual(
    found.map(({ key }) => key),
    [
      'a11y.skipToContent',
      'signIn.title',
      'signIn.email',
      'signIn.password',
      'signIn.submit',
      'signIn.help',
      'caseload.title',
      'caseload.intro',
    ],
  );
  for (const { key, en, es } of found) {
    const message = (catalogue as Record<string, { en: string; es: string } | undefined>)[key];
    assert.ok(message, `${key} is not a message of the app`);
    assert.equal(en, message.en, `${key} in English`);
    assert.equal(es, message.es, `${key} in Spanish`);
  }
  // Every translated word of the static form is checked above: none without its key.
  assert.equal((html.match(/data-es=/g) ?? []).length, found.length);
});
