// Which messages the first screens use, read from their source: the build sends these before the
// first render and the rest of the language after (web/scripts/messagesByLanguage.ts). A key
// counts as used by a file when the file's text holds it (`t('caseload.title')`, a route's
// `label: 'nav.caseload'`) or begins a template with part of it (`t(\`phase.${phase}\`)` takes
// every `phase.…`). Files are followed through their static imports within the web app; dynamic
// imports are not (a dialog's code, and its words, come later). A key built some other way is
// not seen: the app then asks for the rest of the language as soon as it misses one
// (i18n/I18nProvider.tsx), so a word can be late, never lost.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const STATIC_IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
// Keys are dotted words (`caseload.col.name`): any such run of the text is a candidate, in quotes
// or not, so no quoting or nesting of templates can hide one. A template's leading dotted part
// (`phase.${…}`, `role.${…}`) takes every key it begins.
const DOTTED = /[\w-]+(?:\.[\w-]+)+/g;
const TEMPLATE_PREFIX = /`([\w-]+(?:\.[\w-]+)*\.)\$\{/g;

/** `keys` used by the files `roots` reach, skipping files that only declare messages (`skip`). */
export function firstMessageKeys(roots: readonly string[], keys: readonly string[], skip: (file: string) => boolean): Set<string> {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const imported = path.resolve(path.dirname(file), match[1] ?? '');
      if (/\.(tsx?|jsx?)$/.test(imported) && existsSync(imported) && !skip(imported)) queue.push(imported);
    }
    for (const match of source.matchAll(DOTTED)) exact.add(match[0]);
    for (const match of source.matchAll(TEMPLATE_PREFIX)) prefixes.add(match[1] ?? '');
  }
  const templates = [...prefixes];
  return new Set(keys.filter((key) => exact.has(key) || templates.some((prefix) => key.startsWith(prefix))));
}
