// Messages are declared where they are used (each module's messages.ts, the shell's and the
// shared components'), each key with every language side by side, so a missing translation
// is a type error next to the English it translates. app/catalogue.ts gathers them.
import type { Locale } from '../api/types.ts';

/** One message in every language the app speaks. */
export type Message = Readonly<Record<Locale, string>>;

/** A file of messages: `'key': { en: '…', es: '…' }`. */
export type Messages = Readonly<Record<string, Message>>;

/** Each language's name in that language, for the language picker. */
export const languageNames: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };
