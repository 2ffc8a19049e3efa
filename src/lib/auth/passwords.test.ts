import assert from 'node:assert/strict';
import { test } from 'node:test';
import argon2 from 'argon2';
import { argon2Load, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, weakPasswordReason } from './passwords.ts';

test('passwords are hashed with argon2id above the OWASP floor (24 MiB, t=3, p=1), salted, and verified', async () => {
  const hash = await hashPassword('a long enough passphrase');
  assert.match(hash, /^\$argon2id\$v=19\$m=24576,p=1,t=3\$/);
  assert.notEqual(await hashPassword('a long enough passphrase'), hash, 'each hash has its own salt');
  assert.equal(await verifyPassword(hash, 'a long enough passphrase'), true);
  assert.equal(await verifyPassword(hash, 'a long enough passphrasE'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
  assert.equal(await verifyAgainstDummy('anything'), false);
  assert.equal(needsRehash(hash), false);
  const floor = await argon2.hash('x', { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  assert.equal(needsRehash(floor), true, 'a hash at the old parameters is upgraded at the next sign-in');
});

test('passwords are compared after NFKC normalisation: composed and decomposed accents, full-width digits', async () => {
  const composed = 'mañana en la montaña 2026';
  const decomposed = composed.normalize('NFD');
  const fullWidth = 'mañana en la montaña ２０２６';
  assert.notEqual(composed, decomposed);
  const hash = await hashPassword(composed);
  assert.equal(await verifyPassword(hash, decomposed), true);
  assert.equal(await verifyPassword(hash, fullWidth), true);
  // A hash made before normalisation, of the decomposed form, still verifies.
  const old = await argon2.hash(decomposed, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  assert.equal(await verifyPassword(old, decomposed), true);
});

test('long but guessable passwords are refused by the strength estimator, with the reason', () => {
  const cases: [password: string, email: string | undefined, reason: string | null][] = [
    ['password1234', undefined, 'common-password'],
    ['Password1234', undefined, 'common-password'],
    ['qwertyuiop123', undefined, 'common-password'],
    ['iloveyou1234', undefined, 'common-password'],
    ['aaaaaaaaaaaa', undefined, 'repeated-character'],
    ['abcabcabcabc', undefined, 'repeated-character'],
    ['rosa.delgado-2026!', 'rosa.delgado@example.org', 'built-from-email'],
    ['correct horse battery staple', 'rosa@example.org', null],
    ['rosa chooses a passphrase', 'rosa@example.org', null],
    ['my long walk to the river', undefined, null],
    ['the creek floods every april', undefined, null],
  ];
  for (const [password, email, reason] of cases) assert.equal(weakPasswordReason(password, email)?.code ?? null, reason, password);
});

test('argon2 work is capped: a short queue served round-robin by client, and 503 busy beyond it', async () => {
  const { maxRunning, maxWaiting } = argon2Load();
  const hash = await hashPassword('a long enough passphrase');
  const order: string[] = [];
  const verify = (client: string) =>
    verifyPassword(hash, 'a long enough passphrase', client).then(
      () => order.push(client),
      (error: { code?: string }) => order.push(`${client}:${error.code ?? 'error'}`),
    );
  // A flooding client fills the running slots and most of the queue; then another person arrives.
  const flood = Array.from({ length: maxRunning + maxWaiting - 1 }, () => verify('flooder'));
  const person = verify('person');
  const beyond = Array.from({ length: 3 }, () => verify('latecomer'));
  assert.ok(argon2Load().running <= maxRunning);
  await Promise.all([...flood, person, ...beyond]);
  assert.deepEqual(
    order.filter((entry) => entry.startsWith('latecomer')),
    ['latecomer:busy', 'latecomer:busy', 'latecomer:busy'],
  );
  // Round-robin: the person is served right after the flood's running work, not after its whole
  // queue (FIFO would put them after all of it). `order` is the order of completion, busy ones first.
  const served = order.indexOf('person') - 3;
  assert.ok(served <= 2 * maxRunning + 1, `served ${served}th of ${flood.length + 1}`);
  assert.deepEqual(argon2Load(), { running: 0, waiting: 0, maxRunning, maxWaiting });
});
