// Each language's words are a chunk of their own (web/scripts/messagesByLanguage.ts): a phone
// downloads and reads only the language it shows. The first one is loaded before the first
// render (main.tsx); another when the person switches to it.
import type { Locale } from '../api/types.ts';
import type { MessageKey } from '../app/catalogue.ts';

export type MessageColumn = Readonly<Record<MessageKey, string>>;

const chunks: Readonly<Record<Locale, () => Promise<{ default: Readonly<Record<string, string>> }>>> = {
  en: () => import('virtual:bridgeway-messages/en'),
  es: () => import('virtual:bridgeway-messages/es'),
};

const loaded = new Map<Locale, MessageColumn>();

/** The language's words, once downloaded. */
export function loadedMessages(locale: Locale): MessageColumn | undefined {
  return loaded.get(locale);
}

export async function loadMessages(locale: Locale): Promise<MessageColumn> {
  const known = loaded.get(locale);
  if (known !== undefined) return known;
  const column = (await chunks[locale]()).default as MessageColumn;
  loaded.set(locale, column);
  return column;
}
