// The web app has words, in every language, for every code the server can send (the coded
// problems contract): the generic field codes of src/lib/http/field-codes.ts and each module's
// own codes in src/modules/<module>/problems.ts, found by a glob so a new module is covered the
// day its file exists. A message may only use the params its code declares.
import assert from 'node:assert/strict';
import { globSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FIELD_CODES } from '../../../src/lib/http/field-codes.ts';
import { locales } from '../api/codes.ts';
import { catalogue } from '../app/catalogue.ts';
import { placeholders } from '../i18n/translate.ts';

const root = path.join(import.meta.dirname, '../../..');
type CodeTable = Readonly<Record<string, readonly string[]>>;

function isCodeTable(value: unknown): value is CodeTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((params) => Array.isArray(params) && params.every((param) => typeof param === 'string'))
  );
}

/** Each module's PROBLEM_CODES, by the file that declares it. */
async function moduleProblemCodes(): Promise<[string, CodeTable][]> {
  const files = globSync('src/modules/*/problems.ts', { cwd: root }).sort();
  const tables: [string, CodeTable][] = [];
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(root, file)).href)) as { PROBLEM_CODES?: unknown };
    assert.ok(isCodeTable(loaded.PROBLEM_CODES), `${file} exports PROBLEM_CODES as code → param names`);
    tables.push([file, loaded.PROBLEM_CODES]);
  }
  return tables;
}

const messages = catalogue as Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Fails unless `key` has words in every language that use only `params`. */
function checkMessage(key: string, params: readonly string[], where: string): void {
  const message = messages[key];
  assert.ok(message !== undefined, `${where}: no message ${key} (add it in English and Spanish)`);
  for (const locale of locales) {
    const text: string | undefined = message[locale];
    assert.ok(text !== undefined && text.trim() !== '', `${where}: ${key} has no ${locale} text`);
    const unknown: string[] = placeholders(text).filter((name) => !params.includes(name));
    assert.deepEqual(unknown, [], `${where}: ${locale} ${key} uses {${unknown.join('}, {')}} which the code does not send`);
  }
}

test('the generic field codes are the ones the contract lists', () => {
  // If the server drops or renames one, the web app's words for it would be dead: say so here.
  assert.deepEqual(Object.keys(FIELD_CODES).sort(), [
    'blank',
    'control-characters',
    'enum',
    'format',
    'invalid',
    'maximum',
    'minimum',
    'pattern',
    'required',
    'too-few-items',
    'too-long',
    'too-many-items',
    'too-short',
    'type',
    'unique-items',
    'unknown-field',
  ]);
});

test('every generic field code has words in every language, using only its params', () => {
  for (const [code, params] of Object.entries(FIELD_CODES) as [string, readonly string[]][]) {
    checkMessage(`field.${code}`, params, 'src/lib/http/field-codes.ts');
    // Wording for one field or one format uses the same params.
    for (const key of Object.keys(messages).filter((candidate) => candidate.startsWith(`field.${code}.`))) {
      checkMessage(key, params, 'src/lib/http/field-codes.ts');
    }
  }
});

test("every module's own problem codes have words in every language, using only their params", async () => {
  const tables = await moduleProblemCodes();
  const seen = new Map<string, string>();
  for (const [file, table] of tables) {
    for (const [code, params] of Object.entries(table)) {
      assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${file}: ${code} is kebab-case`);
      const other = seen.get(code);
      assert.equal(other, undefined, `${code} is declared by both ${other} and ${file}`);
      seen.set(code, file);
      checkMessage(`problem.${code}`, params, file);
      for (const key of Object.keys(messages).filter((candidate) => candidate.startsWith(`field.${code}.`))) {
        checkMessage(key, params, file);
      }
    }
  }
});
