import assert from 'node:assert/strict';
import { test } from 'node:test';
import argon2 from 'argon2';
import { argon2Load, argon2Slot, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, weakPasswordReason } from './passwords.ts';

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

test('argon2 work is capped: a short queue, a few places per client, served round-robin, and 503 busy beyond it', async () => {
  const { maxRunning, maxWaiting, maxWaitingPerClient } = argon2Load();
  const started: string[] = [];
  const gates: (() => void)[] = [];
  // Work that records when it starts and ends only when the test lets it.
  const slot = (client: string) =>
    argon2Slot(client, async () => {
      started.push(client);
      await new Promise<void>((resolve) => gates.push(resolve));
    });
  const outcome = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ran');
  const running = Array.from({ length: maxRunning }, () => slot('flooder'));
  const queued = Array.from({ length: maxWaitingPerClient }, () => slot('flooder'));
  const excess = await Promise.allSettled([slot('flooder'), slot('flooder')]);
  assert.deepEqual(excess.map(outcome), ['busy', 'busy'], 'a flooding address has its own excess refused');
  const others = Array.from({ length: maxWaiting - maxWaitingPerClient - 1 }, (_, i) => slot(`other-${i % 3}`));
  const person = slot('person');
  const latecomers = await Promise.allSettled([slot('latecomer'), slot('latecomer')]);
  assert.deepEqual(latecomers.map(outcome), ['busy', 'busy'], 'a full queue refuses at once');
  assert.equal(argon2Load().waiting, maxWaiting);
  // Work finishes one at a time; each address gets its turn: the flooder, then each other address, then the person.
  const next = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (let i = 0; i < 5; i++) await next();
  assert.deepEqual(started.slice(maxRunning), ['flooder', 'other-0', 'other-1', 'other-2', 'person']);
  while (gates.length > 0) await next();
  await Promise.all([...running, ...queued, ...others, person]);
  assert.deepEqual(argon2Load(), { running: 0, waiting: 0, maxRunning, maxWaiting, maxWaitingPerClient });
});
