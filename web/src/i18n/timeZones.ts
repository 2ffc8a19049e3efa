// Time zone options: the US zones our programs are in first, then every IANA zone the
// browser knows. Pure, so node:test covers it.
import type { Locale } from '../api/types.ts';
import { intlLocale } from './format.ts';

export const usTimeZones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "America/New_York" → "New York (Eastern Time)" in the user's language. */
export function timeZoneLabel(timeZone: string, locale: Locale): string {
  if (!timeZone.includes('/')) return timeZone;
  const city = timeZone.split('/').at(-1)?.replaceAll('_', ' ') ?? timeZone;
  try {
    const name = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(0)
      .find((part) => part.type === 'timeZoneName')?.value;
    return name === undefined || name === timeZone ? timeZone : `${city} — ${name} (${timeZone})`;
  } catch {
    return timeZone;
  }
}

export interface TimeZoneGroup {
  group: 'us' | 'all';
  zones: string[];
}

/** The US zones, then all others; a current value the browser does not list is kept in. */
export function timeZoneGroups(current?: string): TimeZoneGroup[] {
  const all = new Set(Intl.supportedValuesOf('timeZone'));
  if (current !== undefined && current !== '') all.add(current);
  const us: string[] = [...usTimeZones];
  const others = [...all].filter((zone) => !us.includes(zone)).sort();
  return [
    { group: 'us', zones: us },
    { group: 'all', zones: others },
  ];
}
