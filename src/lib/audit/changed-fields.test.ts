import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields } from './audit.ts';

test('an edit names only the fields whose value really changes', () => {
  const current = { name: 'Ana', city: null, roles: ['case-manager'], version: 3, updatedAt: new Date('2026-01-01T00:00:00Z') };
  const cases: [label: string, input: object, changed: string[]][] = [
    ['same values sent back', { name: 'Ana', city: null, roles: ['case-manager'], version: 3 }, []],
    ['one field changed', { name: 'Ana María', city: null }, ['name']],
    ['null to a value', { city: 'Hazard' }, ['city']],
    ['a list changed', { roles: ['case-manager', 'supervisor'] }, ['roles']],
    ['undefined is not sent', { name: undefined }, []],
    ['a field the row does not have', { note: 'x' }, ['note']],
  ];
  for (const [label, input, changed] of cases) assert.deepEqual(changedFields(input, current), changed, label);
});
