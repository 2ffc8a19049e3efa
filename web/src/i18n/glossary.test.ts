import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { catalogue, messageFiles } from '../app/catalogue.ts';
import { bannedVariants, glossary } from './glossary.ts';

const root = path.join(import.meta.dirname, '..', '..', '..');
const alternatives = (term: string) => term.split(' / ').map((part) => part.toLowerCase());

/** Every banned variant found in a text, as "what it matched → what to write". */
function violations(text: string, key?: string): string[] {
  return bannedVariants
    .filter((variant) => key === undefined || !(variant.allowedIn ?? []).includes(key))
    .flatMap((variant) => {
      const match = variant.pattern.exec(text);
      return match === null ? [] : [`“${match[0]}” → ${variant.instead}`];
    });
}

test('every Spanish message follows the glossary: no banned variant anywhere', () => {
  const found = Object.entries(catalogue).flatMap(([key, message]) => violations(message.es, key).map((v) => `${key}: ${v}`));
  assert.deepEqual(found, [], `Spanish that docs/glossary.md rules out:\n${found.join('\n')}`);
});

test('every messages file of the web app is in the catalogue the glossary test reads', () => {
  // A module that forgot to register its messages would escape the check above.
  const declared = globSync('web/src/**/*essages.ts', { cwd: root }).filter((file) => !file.endsWith('i18n/messages.ts'));
  const keysInFiles = declared.flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/^\s+'([\w.-]+)': \{/gm)].map((m) => m[1]),
  );
  assert.ok(keysInFiles.length > 500, `found ${keysInFiles.length} keys in ${declared.length} files`);
  assert.deepEqual(
    keysInFiles.filter((key) => key !== undefined && !(key in catalogue)),
    [],
  );
  assert.ok(messageFiles.length >= declared.length);
});

test('no other source text, web or server, uses a banned variant', () => {
  // Strings outside the message files: components, printed documents, emails, the server.
  const files = globSync('{src,web/src}/**/*.{ts,tsx}', { cwd: root }).filter(
    (file) => !file.endsWith('.test.ts') && !/essages\.ts$/.test(file) && !file.endsWith('i18n/glossary.ts'),
  );
  assert.ok(files.length > 100);
  const found = files.flatMap((file) => violations(readFileSync(path.join(root, file), 'utf8')).map((v) => `${file}: ${v}`));
  assert.deepEqual(found, [], found.join('\n'));
});

test('the labels that name a concept use its one Spanish term', () => {
  const wrong = glossary.flatMap((term) =>
    (term.keys ?? []).flatMap((key) => {
      const spanish = (catalogue as Record<string, { es: string } | undefined>)[key]?.es;
      if (spanish === undefined) return [`${key}: no such message`];
      return alternatives(term.es).some((alternative) => spanish.toLowerCase().includes(alternative))
        ? []
        : [`${key}: “${spanish}”, not “${term.es}”`];
    }),
  );
  assert.deepEqual(wrong, [], wrong.join('\n'));
});

test('the glossary agrees with itself: each example is caught, no chosen term is banned', () => {
  for (const variant of bannedVariants) assert.match(variant.example, variant.pattern, variant.example);
  for (const term of glossary) {
    for (const text of [term.es, term.plain ?? '']) assert.deepEqual(violations(text), [], `${term.en}: ${text}`);
  }
  assert.equal(new Set(glossary.map((term) => term.en)).size, glossary.length, 'each concept once');
});

test('docs/glossary.md shows the same terms and the same banned variants', () => {
  // Prettier pads the table columns: compare with runs of spaces collapsed.
  const doc = readFileSync(path.join(root, 'docs', 'glossary.md'), 'utf8').replace(/ +/g, ' ');
  const missing = [
    ...glossary.filter((term) => !doc.includes(`| ${term.en} | ${term.es} |`)).map((term) => `term row: | ${term.en} | ${term.es} |`),
    ...glossary.filter((term) => term.plain !== undefined && !doc.includes(term.plain)).map((term) => `plain: ${term.plain}`),
    ...bannedVariants.filter((variant) => !doc.includes(variant.example)).map((variant) => `banned example: ${variant.example}`),
  ];
  assert.deepEqual(missing, [], `docs/glossary.md is missing:\n${missing.join('\n')}`);
});
