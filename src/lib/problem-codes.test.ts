import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIELD_CODES } from './http/field-codes.ts';

/**
 * Every code the server can send is declared, with its params, so the web app can translate
 * it (docs/api.md "Problem codes"): the generic field codes, plus each module's problems.ts.
 * This reads the source for the codes given to the problem helpers and checks each against
 * the declarations, and each declared code against the source (none unused).
 */
const root = path.join(import.meta.dirname, '../..');
const declared = new Map<string, readonly string[]>(Object.entries(FIELD_CODES));
const problemFiles = globSync('src/modules/*/problems.ts', { cwd: root });
for (const file of problemFiles) {
  const { PROBLEM_CODES } = (await import(path.join(root, file))) as { PROBLEM_CODES: Record<string, readonly string[]> };
  for (const [code, params] of Object.entries(PROBLEM_CODES)) {
    const earlier = declared.get(code);
    assert.ok(earlier === undefined || earlier.join() === params.join(), `${code} is declared twice with different params (${file})`);
    declared.set(code, params);
  }
}

const sources = globSync('src/**/*.ts', { cwd: root }).filter((file) => !file.endsWith('.test.ts'));
// fieldError(path, 'code', …), fieldProblem(path, 'code', …), conflict('code', …), ruleViolation('code', …),
// forbidden('code', …), and `code: 'x'` in a Problem's options.
const CALLS =
  /(?:fieldError|fieldProblem)\(\s*[^,]+,\s*'([a-z0-9-]+)'|(?:conflict|ruleViolation|forbidden|invalidBody)\(\s*'([a-z0-9-]+)'|\bcode: '([a-z0-9-]+)'/g;

test('every problem code in the source is declared, and every declared module code is used', () => {
  const used = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(CALLS)) {
      const code = match[1] ?? match[2] ?? match[3] ?? '';
      used.add(code);
      assert.ok(declared.has(code), `${file}: the code "${code}" is not declared in a problems.ts or http/field-codes.ts`);
    }
  }
  const moduleCodes = [...declared.keys()].filter((code) => !(code in FIELD_CODES));
  const unused = moduleCodes.filter((code) => !used.has(code));
  assert.deepEqual(unused, [], 'declared but never sent');
});

test('problems.ts files are pure data the web app can import', () => {
  for (const file of problemFiles) {
    const text = readFileSync(path.join(root, file), 'utf8');
    assert.doesNotMatch(text, /^import /m, `${file} imports something`);
  }
});
