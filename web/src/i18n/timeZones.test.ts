import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeZoneGroups, timeZoneLabel, usTimeZones } from './timeZones.ts';

test('US zones come first, every other zone once, and an unknown current value is kept', () => {
  const [us, all] = timeZoneGroups('Etc/Unlisted');
  assert.deepEqual(us?.zones, [...usTimeZones]);
  assert.ok(all !== undefined && all.zones.includes('Europe/Madrid'));
  assert.ok(all.zones.includes('Etc/Unlisted'));
  assert.ok(!all.zones.includes('America/Chicago'), 'a US zone is not listed twice');
});

test('zones are labelled with their city and generic name in the language', () => {
  assert.equal(timeZoneLabel('America/Chicago', 'en'), 'Chicago — Central Time (America/Chicago)');
  assert.match(timeZoneLabel('America/Chicago', 'es'), /^Chicago — hora central.*\(America\/Chicago\)$/i);
});
