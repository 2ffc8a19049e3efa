import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setRequestLocale } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import type { MessageKey } from '../app/catalogue.ts';
import {
  formatAtTime,
  formatDate,
  formatDateInSentence,
  formatDateTime,
  formatDateTimeInSentence,
  formatDateTimeWithZone,
  formatNumber,
  formatTime,
  intlLocale,
} from './format.ts';
import {
  completeShownLanguage,
  loadedMessages,
  loadMessages,
  onLanguageComplete,
  showLanguage,
  type MessageColumn,
} from './languageChunks.ts';
import { AFTER_FIRST_PAGE_MS } from '../app/afterFirstPage.ts';
import { storeLocale } from './storedLocale.ts';
import { createTranslator, type Params } from './translate.ts';

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The organization's time zone once signed in; instants are shown in it. */
  timeZone: string | undefined;
  setTimeZone: (timeZone: string | undefined) => void;
  t: (key: MessageKey, params?: Params) => string;
  tMaybe: (key: string, params?: Params) => string | null;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `messages` are `locale`'s, loaded before the first render (main.tsx). */
export function I18nProvider({
  locale: initialLocale,
  messages: initialMessages,
  children,
}: {
  locale: Locale;
  messages: MessageColumn;
  children: ReactNode;
}) {
  const [{ locale, messages }, setLanguage] = useState({ locale: initialLocale, messages: initialMessages });
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  // The language asked for last: a slower download of an earlier choice must not win.
  const wanted = useRef(initialLocale);
  // The language on screen, for a choice whose download failed to fall back on.
  const onScreen = useRef(locale);
  onScreen.current = locale;
  showLanguage(locale);
  const complete = loadedMessages(locale) === messages;

  useEffect(() => {
    document.documentElement.lang = locale;
    setRequestLocale(locale);
  }, [locale]);

  // The first screens' words came first; the rest of the language follows the first page
  // (or comes at once when a screen misses a word, below, or a page opened later asks for it).
  useEffect(() => {
    // The rest of the words of the language on screen (another one chosen meanwhile replaces it
    // whole when its own words arrive).
    const take = (language: Locale, column: MessageColumn) =>
      setLanguage((now) => (now.locale === language && now.messages !== column ? { locale: language, messages: column } : now));
    const stop = onLanguageComplete(take);
    // Words that arrived before this listener did (the first render is not committed at once).
    const arrived = loadedMessages(onScreen.current);
    if (arrived !== undefined) take(onScreen.current, arrived);
    return stop;
  }, []);
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => void completeShownLanguage(), AFTER_FIRST_PAGE_MS);
    return () => clearTimeout(timer);
  }, [complete]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setRequestLocale(next);
    // The language on screen already (the account's, told at sign-in): its words come as they do.
    if (next === wanted.current) return;
    wanted.current = next;
    const known = loadedMessages(next);
    if (known !== undefined) {
      setLanguage({ locale: next, messages: known });
      return;
    }
    // The page stays in the current language until the other's words arrive (from the service
    // worker's cache once installed); a failed download leaves it there and the choice stored.
    loadMessages(next).then(
      (loaded) => {
        if (wanted.current === next) setLanguage({ locale: next, messages: loaded });
      },
      () => {
        // Choosing it again tries again; the language on screen goes on getting its words.
        if (wanted.current === next) wanted.current = onScreen.current;
      },
    );
  }, []);

  const value = useMemo<I18nValue>(() => {
    // A word the first part lacked is marked in the page's performance timeline (the browser
    // test of the first screens reads it; so does anyone profiling a page): the scan of the
    // first screens' files (web/scripts/firstMessageKeys.ts) missed it.
    const onMissing = complete
      ? undefined
      : (key: string) => {
          performance.mark('bridgeway:missed-word', { detail: key });
          void completeShownLanguage();
        };
    const { t, tMaybe } = createTranslator(messages, intlLocale(locale), onMissing);
    return { locale, setLocale, timeZone, setTimeZone, t, tMaybe };
  }, [locale, messages, setLocale, timeZone, complete]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (value === null) throw new Error('useI18n needs an I18nProvider');
  return value;
}

export function useT() {
  return useI18n().t;
}

/** The translator including `tMaybe`, for coded values the API may add before the web app knows them. */
export function useTranslator() {
  const { t, tMaybe } = useI18n();
  return { t, tMaybe };
}

export function useLocale() {
  const { locale, setLocale, timeZone, setTimeZone } = useI18n();
  return { locale, setLocale, timeZone, setTimeZone };
}

/** Formatters bound to the user's language and the organization's time zone. */
export function useFormat() {
  const { locale, timeZone } = useI18n();
  return useMemo(
    () => ({
      date: (date: string) => formatDate(date, locale),
      dateTime: (instant: string) => formatDateTime(instant, locale, timeZone),
      /** For times handed out (a link's expiry): names the zone. */
      dateTimeWithZone: (instant: string) => formatDateTimeWithZone(instant, locale, timeZone),
      time: (instant: string | Date) => formatTime(instant, locale, timeZone),
      /** Inside a sentence ("Nació el {date}"): the long form, "7 de marzo de 2025". */
      dateInSentence: (date: string) => formatDateInSentence(date, locale),
      dateTimeInSentence: (instant: string) => formatDateTimeInSentence(instant, locale, timeZone),
      /** "at 1:15 PM" / "a la 1:15 p. m.": the preposition and article come with the time. */
      atTime: (instant: string | Date) => formatAtTime(instant, locale, timeZone),
      number: (value: number) => formatNumber(value, locale),
    }),
    [locale, timeZone],
  );
}
