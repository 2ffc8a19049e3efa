import type { Locale } from '../api/types.ts';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export const messages: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, es };

/** Each language's name in that language, for the language picker. */
export const languageNames: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };
