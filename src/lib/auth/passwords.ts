import argon2 from 'argon2';

/** OWASP's argon2id floor: 19 MiB memory, 2 iterations, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the account does not exist keeps the answer's timing the same,
 * so response time does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('bridgeway-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * Length is the rule (NIST SP 800-63B); on top of it, refuse what attackers try first: the
 * best-known long passwords, one character repeated, or the person's own email name.
 */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'p@ssword1234',
  'p@ssw0rd1234',
  'passw0rd1234',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyuiopas',
  'qwerty123456',
  'qwertyuiop123',
  'qwertyqwerty',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'qazwsxedcrfv',
  'asdfghjkl123',
  'abcdefghijkl',
  'abcdef123456',
  'abc123456789',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'admin1234567',
  'administrator',
  'changeme1234',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'master123456',
  'superman1234',
  'bridgeway123',
  'bridgeway1234',
  'recovery1234',
]);

export interface WeakPassword {
  code: 'common-password' | 'repeated-character' | 'built-from-email';
  message: string;
}

export function weakPasswordReason(password: string, email?: string): WeakPassword | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return { code: 'common-password', message: 'is one of the most common passwords; choose another' };
  if (/^(.)\1*$/.test(password)) return { code: 'repeated-character', message: 'is one character repeated; choose another' };
  // Built from the email's name (rosa.delgado → "RosaDelgado2026!"), not merely mentioning it.
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const name = letters(email?.split('@')[0] ?? '');
  const compact = letters(password);
  if (name.length >= 4 && compact.includes(name) && name.length * 2 >= compact.length)
    return { code: 'built-from-email', message: 'must not be built from your email' };
  return null;
}
