import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localizeServerMessage } from './serverMessages.ts';

test('common server field messages map to translated messages with their numbers', () => {
  const cases: [string, ReturnType<typeof localizeServerMessage>][] = [
    ['is required', { key: 'serverField.required', params: {} }],
    ['must NOT have fewer than 12 characters', { key: 'serverField.tooShort', params: { min: '12' } }],
    ['must NOT have more than 200 characters', { key: 'serverField.tooLong', params: { max: '200' } }],
    ['must NOT have fewer than 1 items', { key: 'serverField.chooseAtLeast', params: { min: '1' } }],
    ['must match format "email"', { key: 'serverField.email', params: {} }],
    ['must match pattern "^[0-9]{6}$"', { key: 'serverField.totp', params: {} }],
    ['is already used by another staff member', null],
  ];
  for (const [message, expected] of cases) assert.deepEqual(localizeServerMessage(message), expected, message);
});
