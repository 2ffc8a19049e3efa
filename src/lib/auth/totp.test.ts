import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, totpAt } from './totp.ts';

// RFC 6238 appendix B, SHA-1 rows (seed "12345678901234567890"); our codes are the last 6 of the 8 digits.
const RFC_SEED = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_6238_SHA1: [unixSeconds: number, eightDigits: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('TOTP matches the RFC 6238 test vectors', () => {
  for (const [seconds, code] of RFC_6238_SHA1) {
    assert.equal(totpAt(RFC_SEED, seconds * 1000), code.slice(-6), `T=${seconds}`);
  }
});

// RFC 4648 section 10 (padding is not used in otpauth secrets).
const RFC_4648: [plain: string, encoded: string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

test('base32 follows RFC 4648 both ways', () => {
  for (const [plain, encoded] of RFC_4648) {
    assert.equal(base32Encode(Buffer.from(plain)), encoded);
    assert.equal(base32Decode(encoded).toString(), plain);
    assert.equal(base32Decode(`${encoded.toLowerCase()}===`).toString(), plain, 'lower case and padding are accepted');
  }
});

test('a code is accepted one step either side of now, never twice, never malformed', () => {
  const secret = newTotpSecret();
  assert.equal(base32Decode(secret).length, 20);
  const now = 1_700_000_000_000;
  const cases: [label: string, atMs: number, notAfterStep: number | null, expected: 'match' | 'no'][] = [
    ['current step', now, null, 'match'],
    ['previous step (clock behind)', now - 30_000, null, 'match'],
    ['next step (clock ahead)', now + 30_000, null, 'match'],
    ['two steps old', now - 60_000, null, 'no'],
    ['already used step', now, Math.floor(now / 30_000), 'no'],
  ];
  for (const [label, atMs, notAfterStep, expected] of cases) {
    const code = totpAt(secret, atMs);
    const step = matchTotp(secret, code, now, notAfterStep);
    assert.equal(step === null ? 'no' : 'match', expected, label);
  }
  for (const bad of ['', '12345', '1234567', 'abcdef', '12 345']) assert.equal(matchTotp(secret, bad, now), null, `"${bad}"`);
});
