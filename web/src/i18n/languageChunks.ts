// Each language's words are chunks of their own (web/scripts/messagesByLanguage.ts): a phone
// downloads and reads only the language it shows. The words of the first screens (sign-in,
// home, My caseload, the patient page, the frame) are loaded before the first render (main.tsx);
// the rest of the language after it, or as soon as a screen misses a word (I18nProvider), and
// before a page opened later renders (app/AppRoutes.tsx). Another language is loaded whole when
// the person switches to it.
import type { Locale } from '../api/types.ts';
import type { MessageKey } from '../app/catalogue.ts';

export type MessageColumn = Readonly<Record<MessageKey, string>>;
type Part = () => Promise<{ default: Readonly<Record<string, string>> }>;

const chunks: Readonly<Record<Locale, { first: Part; rest: Part }>> = {
  en: { first: () => import('virtual:bridgeway-messages/en-first'), rest: () => import('virtual:bridgeway-messages/en-rest') },
  es: { first: () => import('virtual:bridgeway-messages/es-first'), rest: () => import('virtual:bridgeway-messages/es-rest') },
};

const firstParts = new Map<Locale, Promise<Readonly<Record<string, string>>>>();
const wholes = new Map<Locale, Promise<MessageColumn>>();
const loaded = new Map<Locale, MessageColumn>();

/** The download `make` starts, once per language while it lasts; a failed one may be tried again (the connection came back). */
function once<T>(downloads: Map<Locale, Promise<T>>, locale: Locale, make: () => Promise<T>): Promise<T> {
  let download = downloads.get(locale);
  if (download === undefined) {
    download = make();
    download.catch(() => downloads.delete(locale));
    downloads.set(locale, download);
  }
  return download;
}

const firstPart = (locale: Locale) => once(firstParts, locale, () => chunks[locale].first().then((module) => module.default));

/** The language's words, once all have been downloaded. */
export function loadedMessages(locale: Locale): MessageColumn | undefined {
  return loaded.get(locale);
}

/**
 * The words of the first screens, before the first render: every word of the language if they
 * are already there. The column may lack words of other screens (`t` then gives '' until
 * `loadMessages` has them).
 */
export async function loadFirstMessages(locale: Locale): Promise<MessageColumn> {
  return loaded.get(locale) ?? (await firstPart(locale));
}

/** All the language's words. */
export function loadMessages(locale: Locale): Promise<MessageColumn> {
  return once(wholes, locale, () =>
    Promise.all([firstPart(locale), chunks[locale].rest()]).then(([first, rest]) => {
      const column = { ...first, ...rest.default } as MessageColumn;
      loaded.set(locale, column);
      return column;
    }),
  );
}

// The language on screen, and who wants to know when all its words are there (I18nProvider).
let shown: Locale | null = null;
const listeners = new Set<(locale: Locale, column: MessageColumn) => void>();

export function showLanguage(locale: Locale): void {
  shown = locale;
}

export function onLanguageComplete(listener: (locale: Locale, column: MessageColumn) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Downloads the rest of the language on screen (once), and hands it to the screen. Never
 * fails: a download that does not arrive is tried again the next time it is asked for (a word
 * still missing asks), and whoever waits for it (a page opened later) goes on without it.
 */
export function completeShownLanguage(): Promise<void> {
  const locale = shown;
  if (locale === null) return Promise.resolve();
  return loadMessages(locale).then(
    (column) => {
      for (const listener of listeners) listener(locale, column);
    },
    () => undefined,
  );
}
