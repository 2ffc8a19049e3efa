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

/** What is wrong with `key`'s words: missing in a language, or using params the code does not send. */
function messageProblems(key: string, params: readonly string[], where: string): string[] {
  const message = messages[key];
  if (message === undefined) return [`${where}: no message ${key} (add it in English and Spanish)`];
  const problems: string[] = [];
  for (const locale of locales) {
    const text: string | undefined = message[locale];
    if (text === undefined || text.trim() === '') {
      problems.push(`${where}: ${key} has no ${locale} text`);
      continue;
    }
    const unknown: string[] = placeholders(text).filter((name) => !params.includes(name));
    if (unknown.length > 0) problems.push(`${where}: ${locale} ${key} uses {${unknown.join('}, {')}}, which the code does not send`);
  }
  return problems;
}

/** The code's own message and any wording of it for one field or format. */
function codeProblems(prefix: 'field' | 'problem', code: string, params: readonly string[], where: string): string[] {
  const specific = Object.keys(messages).filter((key) => key.startsWith(`field.${code}.`));
  return [`${prefix}.${code}`, ...specific].flatMap((key) => messageProblems(key, params, where));
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
  const problems = (Object.entries(FIELD_CODES) as [string, readonly string[]][]).flatMap(([code, params]) =>
    codeProblems('field', code, params, 'src/lib/http/field-codes.ts'),
  );
  assert.deepEqual(problems, []);
});

test("every module's own problem codes have words in every language, using only their params", async () => {
  const problems: string[] = [];
  const seen = new Map<string, { file: string; params: readonly string[] }>();
  for (const [file, table] of await moduleProblemCodes()) {
    for (const [code, params] of Object.entries(table)) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)) problems.push(`${file}: ${code} is not kebab-case`);
      // Two modules may raise the same code (a future date) if it sends the same params: one message serves both.
      const other = seen.get(code);
      if (other !== undefined && other.params.join() !== params.join()) {
        problems.push(`${code} is declared by ${other.file} and ${file} with different params`);
      }
      seen.set(code, { file, params });
      problems.push(...codeProblems('problem', code, params, file));
    }
  }
  assert.deepEqual(problems, []);
});
