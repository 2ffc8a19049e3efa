import { hashPassword, verifyPassword } from '../src/lib/auth/passwords.ts';

/**
 * `npm run bench:argon2`: how long one password check takes on this machine with Bridgeway's
 * argon2id parameters (src/lib/auth/passwords.ts). A sign-in costs one check plus a few
 * milliseconds; keep it under about 300 ms (docs/security.md).
 */
const hash = await hashPassword('a long enough passphrase for timing');
const times: number[] = [];
for (let i = 0; i < 21; i++) {
  const started = performance.now();
  await verifyPassword(hash, 'a long enough passphrase for timing');
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(0);
console.log(
  `argon2id check (${hash.split('$')[3] ?? ''}): median ${at(0.5)} ms, fastest ${at(0)} ms, slowest ${at(1)} ms over ${times.length}`,
);
