// The API explains field errors in short English phrases ("is required", ajv's "must NOT
// have fewer than 12 characters"). The common ones are shown in the user's language; any
// other is shown as the server wrote it. Pure, so node:test covers it.
import type { MessageKey } from '../app/catalogue.ts';
import type { Params } from './translate.ts';

const patterns: readonly [RegExp, MessageKey, (match: RegExpExecArray) => Params][] = [
  [/^is required$/, 'serverField.required', () => ({})],
  [/^must NOT have fewer than (\d+) characters?$/, 'serverField.tooShort', (m) => ({ min: m[1] ?? '' })],
  [/^must NOT have more than (\d+) characters?$/, 'serverField.tooLong', (m) => ({ max: m[1] ?? '' })],
  [/^must NOT have fewer than (\d+) items?$/, 'serverField.chooseAtLeast', (m) => ({ min: m[1] ?? '' })],
  [/^must match format "email"$/, 'serverField.email', () => ({})],
  [/^must match format "date"$/, 'serverField.date', () => ({})],
  [/^must match pattern "\^\[0-9\]\{6\}\$"$/, 'serverField.totp', () => ({})],
  [/^is not a known field$/, 'serverField.unknown', () => ({})],
];

export function localizeServerMessage(message: string): { key: MessageKey; params: Params } | null {
  for (const [pattern, key, params] of patterns) {
    const match = pattern.exec(message);
    if (match !== null) return { key, params: params(match) };
  }
  return null;
}
