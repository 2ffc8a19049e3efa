// Message lookup and `{name}` interpolation. Pure, so node:test covers it.

export type Params = Readonly<Record<string, string | number>>;

// `{count, plural, one {# person} other {# people}}`: the ICU plural form, enough of it for our
// messages (exact `=N` cases, the CLDR categories, `#` for the number, `{name}` inside a case).
const pluralBlock = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const pluralCase = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make(locale);
    cache.set(locale, value);
  }
  return value;
}

/** Chooses each plural block's case for its number with the language's plural rules (Intl.PluralRules). */
function selectPlurals(template: string, params: Params, intlLocale: string): string {
  return template.replace(pluralBlock, (whole, name: string, body: string) => {
    const value = params[name];
    const count = typeof value === 'number' ? value : Number(value);
    if (value === undefined || Number.isNaN(count)) return whole;
    const cases = new Map([...body.matchAll(pluralCase)].map((match) => [match[1] ?? '', match[2] ?? '']));
    const category = cached(pluralRules, intlLocale, (l) => new Intl.PluralRules(l)).select(count);
    const chosen = cases.get(`=${count}`) ?? cases.get(category) ?? cases.get('other');
    if (chosen === undefined) return whole;
    return chosen.replace(/#/g, cached(numberFormats, intlLocale, (l) => new Intl.NumberFormat(l)).format(count));
  });
}

/**
 * Replaces each `{name}` with params.name, after choosing plural cases for `intlLocale`; a
 * placeholder without a value stays visible.
 */
export function interpolate(template: string, params?: Params, intlLocale = 'en-US'): string {
  if (params === undefined) return template;
  return selectPlurals(template, params, intlLocale).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `{name}` placeholders a message uses, sorted, for checking translations against the source. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((match) => match[1] ?? ''))].sort();
}

/**
 * `intlLocale` (`en-US`, `es-US`) chooses the plural rules. `messages` may lack the words of
 * screens other than the first ones until the rest of the language has arrived
 * (i18n/languageChunks.ts): a missing word is then '' (or null for `tMaybe`), and `onMissing`
 * is told the key, so that the rest is asked for and the screen drawn again with it.
 */
export function createTranslator<K extends string>(
  messages: Readonly<Record<K, string>>,
  intlLocale = 'en-US',
  onMissing?: (key: string) => void,
) {
  function t(key: K, params?: Params): string {
    if (!Object.hasOwn(messages, key)) {
      onMissing?.(key);
      return '';
    }
    return interpolate(messages[key], params, intlLocale);
  }
  /** For codes the API may add before the web app knows them (audit actions): null when unknown. */
  function tMaybe(key: string, params?: Params): string | null {
    if (!Object.hasOwn(messages, key)) {
      onMissing?.(key);
      return null;
    }
    const template = (messages as Readonly<Record<string, string>>)[key];
    return template === undefined ? null : interpolate(template, params, intlLocale);
  }
  return { t, tMaybe };
}
