// Dates, instants and numbers for the user's language with Intl. Dates (`YYYY-MM-DD`) are
// calendar days and never shift; instants are shown in the organization's time zone
// (shared/API.md: "today" and "due" are computed in the organization's time zone).
// Pure, so node:test covers it.
import type { Locale } from '../api/types.ts';

/** US English and US Spanish: our users are US programs. */
export function intlLocale(locale: Locale): string {
  return locale === 'es' ? 'es-US' : 'en-US';
}

const validZones = new Map<string, boolean>();
function isValidTimeZone(timeZone: string): boolean {
  let valid = validZones.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    validZones.set(timeZone, valid);
  }
  return valid;
}

function zoneOption(timeZone: string | undefined): { timeZone?: string } {
  return timeZone !== undefined && isValidTimeZone(timeZone) ? { timeZone } : {};
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// Making an Intl formatter costs far more than using one (a caseload of 200 rows formats
// hundreds of dates): keep one per language, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `2025-03-07` → "Mar 7, 2025" / "7 mar 2025". */
export function formatDate(date: string, locale: Locale): string {
  const match = datePattern.exec(date);
  if (match === null) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** An ISO instant as date and time in the given zone: "Mar 7, 2025, 3:04 PM". */
export function formatDateTime(instant: string, locale: Locale, timeZone?: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', ...zoneOption(timeZone) }).format(time);
}

/**
 * An instant handed to someone else (a link's expiry) names its zone: "Mar 7, 2025, 5:30 PM
 * CST". The reader may be in another zone than the organization, or see it on a page that
 * does not know the organization's (the invitation page shows the browser's).
 */
export function formatDateTimeWithZone(instant: string, locale: Locale, timeZone?: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return dateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...zoneOption(timeZone),
  }).format(time);
}

/** Only the time of an instant in the given zone: "3:04 PM". */
export function formatTime(instant: string | Date, locale: Locale, timeZone?: string): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return String(instant);
  return dateTimeFormat(intlLocale(locale), { timeStyle: 'short', ...zoneOption(timeZone) }).format(time);
}

/**
 * A calendar date inside a sentence, in the long form readers expect there: "March 7, 2025" /
 * "7 de marzo de 2025" (tables and labels keep the short `formatDate`).
 */
export function formatDateInSentence(date: string, locale: Locale): string {
  const match = datePattern.exec(date);
  if (match === null) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/**
 * A time inside a sentence, with its preposition: "at 1:15 PM" / "a la 1:15 p. m.", "a las 3:04 p. m.".
 * Spanish says "la una" (singular) but "las dos… las doce", so the article follows the hour.
 */
export function formatAtTime(instant: string | Date, locale: Locale, timeZone?: string): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return String(instant);
  const formatter = dateTimeFormat(intlLocale(locale), { timeStyle: 'short', ...zoneOption(timeZone) });
  const text = formatter.format(time);
  if (locale === 'en') return `at ${text}`;
  const hour = formatter.formatToParts(time).find((part) => part.type === 'hour')?.value;
  return `${Number(hour) === 1 ? 'a la' : 'a las'} ${text}`;
}

/** An instant inside a sentence: "March 7, 2025 at 3:04 PM" / "7 de marzo de 2025 a las 3:04 p. m.". */
export function formatDateTimeInSentence(instant: string, locale: Locale, timeZone?: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const day = dateTimeFormat(intlLocale(locale), { dateStyle: 'long', ...zoneOption(timeZone) }).format(time);
  return `${day} ${formatAtTime(instant, locale, timeZone)}`;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale): string {
  let formatter = numberFormats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(intlLocale(locale));
    numberFormats.set(locale, formatter);
  }
  return formatter.format(value);
}

/**
 * Makes the first date formatter now, in the organization's zone (today's date, which the
 * signed-in pages compute first). The first Intl date formatter of a page costs 100–150 ms on
 * a desktop, several times that on a phone (the engine loads its calendar and time zone data);
 * made while the app's code is still downloading, that time is not spent in the page's first
 * render (app/queryClient.ts calls it once the session says someone is signed in).
 */
export function warmUpDateFormats(timeZone: string): void {
  dateInZone(new Date(), timeZone);
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`. */
export function dateInZone(instant: Date, timeZone?: string): string {
  const parts = dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zoneOption(timeZone) }).formatToParts(
    instant,
  );
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// Calendar arithmetic is shared with the server (one pure module: src/lib/dates.ts).
export { addDays, startOfDayInZone } from '../../../src/lib/dates.ts';
