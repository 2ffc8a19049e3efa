import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dateInZone, daysBetween, isDate, startOfDayInZone, todayIn } from './dates.ts';

test('calendar arithmetic across month, year and leap-day boundaries', () => {
  const cases: [from: string, days: number, to: string][] = [
    ['2025-01-31', 30, '2025-03-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ];
  for (const [from, days, to] of cases) {
    assert.equal(addDays(from, days), to, `${from} + ${days}`);
    assert.equal(daysBetween(from, to), days, `${from} → ${to}`);
  }
  assert.equal(addDays('not a date', 3), 'not a date');
  assert.ok(Number.isNaN(daysBetween('2026-01-01', 'soon')));
});

test('a date is real or it is not', () => {
  for (const good of ['2024-02-29', '1900-01-01', '2026-12-31']) assert.equal(isDate(good), true, good);
  for (const bad of ['2025-02-29', '2026-13-01', '2026-1-1', '20260101', '']) assert.equal(isDate(bad), false, bad);
});

test('today is the organization’s: the same instant is two dates in two zones', () => {
  const lateEveningInChicago = new Date('2026-03-05T04:30:00Z'); // 22:30 on the 4th in Chicago
  assert.equal(todayIn('America/Chicago', lateEveningInChicago), '2026-03-04');
  assert.equal(todayIn('Europe/Madrid', lateEveningInChicago), '2026-03-05');
  assert.equal(dateInZone(lateEveningInChicago, 'UTC'), '2026-03-05');
});

test('a day starts at local midnight, daylight saving included', () => {
  assert.equal(startOfDayInZone('2026-01-15', 'America/Chicago'), '2026-01-15T06:00:00.000Z');
  assert.equal(startOfDayInZone('2026-07-15', 'America/Chicago'), '2026-07-15T05:00:00.000Z');
  assert.equal(startOfDayInZone('2026-03-08', 'America/Chicago'), '2026-03-08T06:00:00.000Z', 'the day clocks spring forward');
});
