import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTotpShaped, newPasswordProblems, normalizeTotp } from './passwordRules.ts';

test('a new password needs 12 characters and a matching confirmation', () => {
  const cases: [string, string, ReturnType<typeof newPasswordProblems>][] = [
    ['', '', { password: 'required', confirmation: 'required' }],
    ['short', 'short', { password: 'tooShort' }],
    ['elevenchars', 'elevenchars', { password: 'tooShort' }],
    ['twelve chars', 'twelve chars', {}],
    ['correct horse battery', 'correct horse battery', {}],
    ['correct horse battery', 'correct horse batery', { confirmation: 'mismatch' }],
    ['correct horse battery', '', { confirmation: 'required' }],
    // Characters, not UTF-16 units: 12 emoji-free accented letters count as 12.
    ['ñandúñandúña', 'ñandúñandúña', {}],
  ];
  for (const [password, confirmation, expected] of cases) {
    assert.deepEqual(newPasswordProblems(password, confirmation), expected, `${password} / ${confirmation}`);
  }
});

test('authenticator codes are 6 digits; spaces and dashes people type are ignored', () => {
  const cases: [string, string, boolean][] = [
    ['123456', '123456', true],
    ['123 456', '123456', true],
    ['123-456', '123456', true],
    [' 123456 ', '123456', true],
    ['12345', '12345', false],
    ['1234567', '1234567', false],
    ['12a456', '12a456', false],
  ];
  for (const [typed, normalized, valid] of cases) {
    assert.equal(normalizeTotp(typed), normalized, typed);
    assert.equal(isTotpShaped(typed), valid, typed);
  }
});
