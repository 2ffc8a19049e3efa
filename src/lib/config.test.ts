import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustProxy } from './config.ts';

test('TRUST_PROXY takes a hop count or proxy addresses, never "trust every hop"', () => {
  const cases: [raw: string | undefined, expected: false | number | string[]][] = [
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.5, 10.1.0.0/16,::1', ['10.0.0.5', '10.1.0.0/16', '::1']],
    ['fd00::/8', ['fd00::/8']],
  ];
  for (const [raw, expected] of cases) assert.deepEqual(parseTrustProxy(raw), expected, String(raw));
  for (const bad of ['true', 'yes', '10.0.0.5/33', 'proxy.example.org', '10.0.0.0/8/1', '-1'])
    assert.throws(() => parseTrustProxy(bad), bad);
  assert.throws(() => parseTrustProxy('true'), /every hop/);
});
