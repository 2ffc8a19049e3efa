// Dates, instants and numbers for the user's language with Intl. Dates (`YYYY-MM-DD`) are
// calendar days and never shift; instants are shown in the organization's time zone
// (shared/API.md: "today" and "due" are computed in the organization's time zone).
// Pure, so node:test covers it.
import type { Locale } from '../api/types.ts';

/** US English and US Spanish: our users are US programs. */
export function intlLocale(locale: Locale): string {
  return locale === 'es' ? 'es-US' : 'en-US';
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function zoneOption(timeZone: string | undefined): { timeZone?: string } {
  return timeZone !== undefined && isValidTimeZone(timeZone) ? { timeZone } : {};
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-03-07` → "Mar 7, 2025" / "7 mar 2025". */
export function formatDate(date: string, locale: Locale): string {
  const match = datePattern.exec(date);
  if (match === null) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** An ISO instant as date and time in the given zone: "Mar 7, 2025, 3:04 PM". */
export function formatDateTime(instant: string, locale: Locale, timeZone?: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...zoneOption(timeZone),
  }).format(time);
}

/** Only the time of an instant in the given zone: "3:04 PM". */
export function formatTime(instant: string | Date, locale: Locale, timeZone?: string): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return String(instant);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', ...zoneOption(timeZone) }).format(time);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`. */
export function dateInZone(instant: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...zoneOption(timeZone),
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `2025-01-31` plus 30 days → `2025-03-02`. */
export function addDays(date: string, days: number): string {
  const match = datePattern.exec(date);
  if (match === null) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return utc.toISOString().slice(0, 10);
}

/**
 * The instant a calendar day starts in a time zone, as ISO 8601 with offset: used to turn
 * the audit log's date filters into the instants the API compares with.
 */
export function startOfDayInZone(date: string, timeZone: string): string {
  const match = datePattern.exec(date);
  if (match === null) return date;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Offset of the zone at that moment: zone wall clock minus UTC.
  const offsetAt = (time: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(time);
    const value = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
    return wall - time;
  };
  let time = guess - offsetAt(guess);
  time = guess - offsetAt(time);
  return new Date(time).toISOString();
}
