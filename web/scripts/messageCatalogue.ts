// Prints, as JSON, every message of the web app and which source files hold nothing but
// messages (file → export names). The build (web/scripts/messagesByLanguage.ts) runs it in its
// own Node process: the message files are TypeScript read by Node as the tests read them.
import { globSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { locales } from '../src/api/codes.ts';
import { catalogue } from '../src/app/catalogue.ts';

const src = path.join(import.meta.dirname, '../src');

function isMessageFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const messages = Object.values(value);
  return (
    messages.length > 0 &&
    messages.every(
      (message: unknown) =>
        typeof message === 'object' &&
        message !== null &&
        Object.keys(message).length === locales.length &&
        locales.every((locale) => typeof (message as Record<string, unknown>)[locale] === 'string'),
    )
  );
}

const onlyMessages: Record<string, string[]> = {};
for (const file of globSync('**/*[mM]essages.ts', { cwd: src })) {
  if (file.endsWith('.test.ts')) continue;
  const full = path.join(src, file);
  const exports = Object.entries((await import(pathToFileURL(full).href)) as Record<string, unknown>);
  if (exports.length > 0 && exports.every(([, value]) => isMessageFile(value))) onlyMessages[full] = exports.map(([name]) => name);
}

process.stdout.write(JSON.stringify({ catalogue, onlyMessages }));
