/**
 * Calendar dates as `YYYY-MM-DD` strings and the instants around them. Pure (no imports), so
 * the server and the web app share one copy. "Today" and "due" are the organization's, in its
 * time zone (shared/API.md), never the server's or the browser's.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toISOString().slice(0, 10) === value;
}

/** The calendar day of an instant in a time zone (the runtime's own zone when none is given). */
export function dateInZone(instant: Date, timeZone?: string): string {
  return dayFormat(timeZone).format(instant);
}

// Making a DateTimeFormat costs far more than using one, and the server asks for "today" in the
// organization's zone several times on every request (5 % of its CPU under load, profiled):
// one per zone, kept. A zone the runtime does not know throws here, as before, and is not kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (format === undefined) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) });
    dayFormats.set(key, format);
  }
  return format;
}

/** Today in a time zone. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  return dateInZone(at, timeZone);
}

/** `2025-01-31` plus 30 days → `2025-03-02`; a malformed date comes back unchanged. */
export function addDays(date: string, days: number): string {
  const match = DATE.exec(date);
  if (match === null) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return utc.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (a === null || b === null) return Number.NaN;
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/**
 * The instant a calendar day starts in a time zone, as ISO 8601 (used to turn date filters
 * into the instants the audit trail is compared with).
 */
export function startOfDayInZone(date: string, timeZone: string): string {
  const match = DATE.exec(date);
  if (match === null) return date;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The zone's offset at a moment: its wall clock minus UTC.
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
