import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, verifyAgainstDummy, verifyPassword, weakPasswordReason } from './passwords.ts';

test('passwords are hashed with argon2id at 19 MiB, t=2, p=1, salted, and verified', async () => {
  const hash = await hashPassword('a long enough passphrase');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.notEqual(await hashPassword('a long enough passphrase'), hash, 'each hash has its own salt');
  assert.equal(await verifyPassword(hash, 'a long enough passphrase'), true);
  assert.equal(await verifyPassword(hash, 'a long enough passphrasE'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
  assert.equal(await verifyAgainstDummy('anything'), false);
});

test('long but guessable passwords are refused, with the reason', () => {
  const cases: [password: string, email: string | undefined, refused: boolean][] = [
    ['password1234', undefined, true],
    ['Password1234', undefined, true],
    ['aaaaaaaaaaaa', undefined, true],
    ['rosa.delgado-2026!', 'rosa.delgado@example.org', true],
    ['correct horse battery staple', 'rosa@example.org', false],
    ['rosa chooses a passphrase', 'rosa@example.org', false],
    ['my long walk to the river', undefined, false],
  ];
  for (const [password, email, refused] of cases) assert.equal(weakPasswordReason(password, email) !== null, refused, password);
});
