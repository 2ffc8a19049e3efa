import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDetails } from './auditDetails.ts';

const words: Record<string, string> = {
  'audit.change.mfa-enrolled': 'Two-step sign-in turned on',
  'audit.reason.wrong-password': 'Wrong password',
  'audit.detail.fields': 'Fields',
  'role.case-manager': 'Case manager',
};
const tMaybe = (key: string) => words[key] ?? null;

test('audit details read as words; unknown codes pass through', () => {
  const cases: [details: Record<string, unknown>, expected: string][] = [
    [{ change: 'mfa-enrolled' }, 'Two-step sign-in turned on'],
    [{ reason: 'wrong-password' }, 'Wrong password'],
    [{ fields: ['locale', 'displayName'] }, 'Fields: locale, displayName'],
    [{ roles: ['case-manager'] }, 'Case manager'],
    [{ change: 'something-new' }, 'something-new'],
    [{}, ''],
  ];
  for (const [details, expected] of cases) assert.equal(describeDetails(details, tMaybe), expected, JSON.stringify(details));
});
