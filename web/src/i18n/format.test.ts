import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  dateInZone,
  formatAtTime,
  formatDate,
  formatDateInSentence,
  formatDateTime,
  formatDateTimeInSentence,
  formatDateTimeWithZone,
  formatNumber,
  formatTime,
  startOfDayInZone,
} from './format.ts';

// Intl output uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

test('calendar dates never shift with the time zone and follow the language', () => {
  assert.equal(formatDate('2025-03-07', 'en'), 'Mar 7, 2025');
  assert.equal(formatDate('2025-01-01', 'en'), 'Jan 1, 2025');
  assert.match(formatDate('2025-03-07', 'es'), /^7 mar 2025$/);
  assert.equal(formatDate('not a date', 'en'), 'not a date');
});

test('dates inside sentences take the long form: "7 de marzo de 2025"', () => {
  assert.equal(formatDateInSentence('2025-03-07', 'en'), 'March 7, 2025');
  assert.equal(formatDateInSentence('2025-03-07', 'es'), '7 de marzo de 2025');
  assert.equal(formatDateInSentence('2025-01-01', 'es'), '1 de enero de 2025');
  assert.equal(formatDateInSentence('soon', 'es'), 'soon');
});

test('a time inside a sentence carries its article: "a la 1:15", "a las 3:15"', () => {
  const cases: [instant: string, locale: 'en' | 'es', expected: RegExp][] = [
    ['2025-03-07T19:15:00Z', 'es', /^a la 1:15 p\.\s?m\.$/], // 1:15 PM in Chicago
    ['2025-03-07T07:15:00Z', 'es', /^a la 1:15 a\.\s?m\.$/],
    ['2025-03-07T21:15:00Z', 'es', /^a las 3:15 p\.\s?m\.$/],
    ['2025-03-07T18:05:00Z', 'es', /^a las 12:05 p\.\s?m\.$/],
    ['2025-03-07T19:15:00Z', 'en', /^at 1:15 PM$/],
  ];
  for (const [instant, locale, expected] of cases) assert.match(plain(formatAtTime(instant, locale, 'America/Chicago')), expected, instant);
  assert.match(
    plain(formatDateTimeInSentence('2025-03-07T19:15:00Z', 'es', 'America/Chicago')),
    /^7 de marzo de 2025 a la 1:15 p\.\s?m\.$/,
  );
  assert.equal(plain(formatDateTimeInSentence('2025-03-07T21:15:00Z', 'en', 'America/Chicago')), 'March 7, 2025 at 3:15 PM');
});

test('instants are shown in the organization time zone', () => {
  const instant = '2025-03-07T23:30:00Z';
  assert.equal(plain(formatDateTime(instant, 'en', 'America/Chicago')), 'Mar 7, 2025, 5:30 PM');
  assert.equal(plain(formatDateTime(instant, 'en', 'America/New_York')), 'Mar 7, 2025, 6:30 PM');
  assert.equal(plain(formatDateTime(instant, 'en', 'Pacific/Honolulu')), 'Mar 7, 2025, 1:30 PM');
  assert.match(plain(formatDateTime(instant, 'es', 'America/Chicago')), /7 mar 2025.*5:30 p\.\s?m\./);
  assert.equal(plain(formatTime(instant, 'en', 'America/Chicago')), '5:30 PM');
  // An unknown zone falls back to the browser's rather than failing the page.
  assert.ok(formatDateTime(instant, 'en', 'Not/AZone').length > 0);
});

test('times handed out (a link’s expiry) name their zone, in either language', () => {
  const instant = '2025-03-07T23:30:00Z';
  assert.equal(plain(formatDateTimeWithZone(instant, 'en', 'America/Chicago')), 'Mar 7, 2025, 5:30 PM CST');
  assert.equal(plain(formatDateTimeWithZone(instant, 'en', 'Pacific/Honolulu')), 'Mar 7, 2025, 1:30 PM HST');
  assert.match(plain(formatDateTimeWithZone(instant, 'es', 'America/Denver')), /^7 mar 2025, 4:30 p\.\s?m\. MST$/);
  // Without the organization's zone (the public invitation page) the browser's is used, and named.
  assert.match(plain(formatDateTimeWithZone(instant, 'en')), /\d{1,2}:\d{2} [AP]M \S+$/);
});

test('numbers follow the language', () => {
  assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  assert.equal(formatNumber(1234.5, 'es'), '1,234.5');
  assert.equal(formatNumber(50, 'es'), '50');
});

test('addDays moves across months, years and leap days', () => {
  const cases: [string, number, string][] = [
    ['2025-01-31', 1, '2025-02-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-01', 90, '2025-04-01'],
  ];
  for (const [date, days, expected] of cases) assert.equal(addDays(date, days), expected, `${date} + ${days}`);
});

test('the day an instant falls on depends on the zone', () => {
  const lateEvening = new Date('2025-03-08T04:30:00Z');
  assert.equal(dateInZone(lateEvening, 'America/Chicago'), '2025-03-07');
  assert.equal(dateInZone(lateEvening, 'UTC'), '2025-03-08');
});

test('startOfDayInZone gives the instant local midnight happens, across daylight saving changes', () => {
  const cases: [string, string, string][] = [
    ['2025-03-07', 'America/Chicago', '2025-03-07T06:00:00.000Z'],
    ['2025-03-09', 'America/Chicago', '2025-03-09T06:00:00.000Z'], // DST starts at 2 AM that day
    ['2025-03-10', 'America/Chicago', '2025-03-10T05:00:00.000Z'],
    ['2025-11-02', 'America/New_York', '2025-11-02T04:00:00.000Z'], // DST ends at 2 AM that day
    ['2025-07-01', 'Pacific/Honolulu', '2025-07-01T10:00:00.000Z'],
    ['2025-07-01', 'UTC', '2025-07-01T00:00:00.000Z'],
  ];
  for (const [date, zone, expected] of cases) assert.equal(startOfDayInZone(date, zone), expected, `${date} ${zone}`);
});
