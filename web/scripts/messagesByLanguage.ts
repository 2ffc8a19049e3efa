// The build's messages: each language's column of the catalogue in chunks of its own, instead
// of every language's words in the first script every page loads (web/src/i18n/languageChunks.ts).
// Messages are declared side by side in each module (`'key': { en, es }`, a missing translation
// is a type error), so the split is made here:
//   - `virtual:bridgeway-messages/<locale>-first` is that language's `key → text` for the words
//     of the first screens (sign-in, home, My caseload, the patient page and the frame, as
//     web/scripts/firstMessageKeys.ts reads them), loaded before the first render;
//     `virtual:bridgeway-messages/<locale>-rest` is the rest, loaded after;
//   - files holding nothing but messages are emptied (their objects are read only by the
//     catalogue and by module records, never by a screen);
//   - app/catalogue.ts becomes its evaluated content, so the few screens that need another
//     language than the reader's (a consent printed in the patient's) still have every word.
// In development (`vite` serve) nothing is emptied and the virtual modules read the catalogue.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Plugin } from 'vite';
import { firstMessageKeys } from './firstMessageKeys.ts';

const prefix = 'virtual:bridgeway-messages/';

interface Evaluated {
  catalogue: Record<string, Record<string, string>>;
  /** Files that export only messages → their export names. */
  onlyMessages: Record<string, string[]>;
}

/**
 * `firstRoots` (paths within web/) are the files of the first screens, whose words come before
 * the first render (web/scripts/firstMessageKeys.ts).
 */
export function messagesByLanguage(webRoot: string, firstRoots: readonly string[]): Plugin {
  const catalogueFile = path.join(webRoot, 'src/app/catalogue.ts');
  let building = false;
  let evaluated: Evaluated | null = null;
  let first: Set<string> | null = null;
  const evaluate = (): Evaluated => {
    evaluated ??= JSON.parse(
      execFileSync(process.execPath, [path.join(webRoot, 'scripts/messageCatalogue.ts')], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as Evaluated;
    return evaluated;
  };

  return {
    name: 'bridgeway:messages-by-language',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      evaluated = null;
      first = null;
    },
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : null;
    },
    load(id) {
      if (id.startsWith(`\0${prefix}`)) {
        // `<locale>-first`: the words of the first screens; `<locale>-rest`: all the others. The
        // part is after the last hyphen: a locale may hold one of its own (`es-MX`).
        const [, locale = '', part = ''] = /^(.+)-(first|rest)$/.exec(id.slice(prefix.length + 1)) ?? [];
        if (part === '') throw new Error(`${id}: a language's messages are its -first or -rest part`);
        if (!building)
          return part === 'first'
            ? `import { messagesIn } from '/src/app/catalogue.ts';\nexport default messagesIn(${JSON.stringify(locale)});\n`
            : 'export default {};\n';
        const { catalogue, onlyMessages } = evaluate();
        first ??= firstMessageKeys(
          firstRoots.map((root) => path.join(webRoot, root)),
          Object.keys(catalogue),
          (file) => file === catalogueFile || onlyMessages[file] !== undefined,
        );
        const column = Object.fromEntries(
          Object.entries(catalogue).flatMap(([key, message]) => {
            const text = message[locale];
            if (text === undefined) throw new Error(`${key} has no ${locale} text`);
            return (part === 'first') === (first?.has(key) ?? false) ? [[key, text]] : [];
          }),
        );
        // JSON.parse of a string is read faster than the same object as code (V8).
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(column))});\n`;
      }
      if (!building) return null;
      const file = id.split('?')[0] ?? id;
      if (file === catalogueFile) {
        return [
          `export const catalogue = ${JSON.stringify(evaluate().catalogue)};`,
          'export const messageFiles = [catalogue];',
          'const columns = new Map();',
          'export function messagesIn(locale) {',
          '  let column = columns.get(locale);',
          '  if (column === undefined) {',
          '    column = Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, message[locale]]));',
          '    columns.set(locale, column);',
          '  }',
          '  return column;',
          '}',
          '',
        ].join('\n');
      }
      const names = evaluate().onlyMessages[file];
      return names === undefined ? null : `${names.map((name) => `export const ${name} = {};`).join('\n')}\n`;
    },
  };
}
