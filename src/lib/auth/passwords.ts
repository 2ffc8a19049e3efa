import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { Problem } from '../errors.ts';

/**
 * argon2id above OWASP's floor (19 MiB, t=2): 24 MiB and three passes. Measured on the 2-core
 * development machine at about 110 ms per verification, so a sign-in stays well under 300 ms
 * (docs/security.md has the numbers and the command). Hashes made with older parameters are
 * upgraded at the next successful sign-in.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 24_576, timeCost: 3, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * A global cap on argon2 work: at most one hash per core at a time, and a short queue behind
 * them (at most twelve waiting per client address), served round-robin by address. A client
 * that floods (even within its per-address limit, src/lib/http/rate-limits.ts) queues behind
 * itself and has its excess refused, so another person's sign-in waits for at most about one
 * hash per other waiting client, never for the whole burst. Beyond the queue (many addresses
 * at once) the answer is 503 `busy` with Retry-After at once rather than seconds of queueing. Fairness is by address, never by account, so it does
 * not reveal which emails have accounts.
 */
const MAX_RUNNING = Math.max(1, availableParallelism());
const MAX_WAITING = 32;
/** One address never holds the whole queue: its excess is refused, not everyone else's work. */
const MAX_WAITING_PER_CLIENT = 12;
let running = 0;
let waitingCount = 0;
/** Waiting work per client address; Map order is the round-robin order. */
const waiting = new Map<string, (() => void)[]>();

export const argon2Load = () => ({
  running,
  waiting: waitingCount,
  maxRunning: MAX_RUNNING,
  maxWaiting: MAX_WAITING,
  maxWaitingPerClient: MAX_WAITING_PER_CLIENT,
});

const busy = () =>
  new Problem(503, 'unavailable', 'Busy', 'Too many sign-ins at this moment; try again in a second.', {
    code: 'busy',
    headers: { 'retry-after': '1' },
  });

/** Hands a freed slot to the next client in turn (its oldest waiting work), or gives it back. */
function handOn(): void {
  const next = waiting.entries().next();
  if (next.done) {
    running -= 1;
    return;
  }
  const [client, queue] = next.value;
  const resume = queue.shift();
  waiting.delete(client);
  if (queue.length > 0) waiting.set(client, queue); // to the back of the line
  waitingCount -= 1;
  resume?.();
}

export async function argon2Slot<T>(client: string, work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waitingCount >= MAX_WAITING || (waiting.get(client)?.length ?? 0) >= MAX_WAITING_PER_CLIENT) throw busy();
    waitingCount += 1;
    await new Promise<void>((resolve) => {
      const queue = waiting.get(client);
      if (queue) queue.push(resolve);
      else waiting.set(client, [resolve]);
    });
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    handOn();
  }
}

/** Who the argon2 work is for: the client's address (requests), or a name for local work. */
export type Argon2Client = string | null;

/**
 * Unicode normalisation (NFKC) before hashing and checking, so the same password typed on
 * another keyboard or system (composed or decomposed accents, full-width digits) still matches
 * (NIST SP 800-63B 5.1.1.2).
 */
const normalizePassword = (password: string): string => password.normalize('NFKC');

export function hashPassword(password: string, client: Argon2Client = null): Promise<string> {
  return argon2Slot(client ?? 'local', () => argon2.hash(normalizePassword(password), OPTIONS));
}

export async function verifyPassword(hash: string, password: string, client: Argon2Client = null): Promise<boolean> {
  return argon2Slot(client ?? 'local', async () => {
    try {
      if (await argon2.verify(hash, normalizePassword(password))) return true;
      // A hash made before normalisation, of a password that NFKC changes.
      return normalizePassword(password) !== password && (await argon2.verify(hash, password));
    } catch {
      return false;
    }
  });
}

/** A hash made with weaker parameters than today's (rehash it after a successful check). */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, OPTIONS);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the account does not exist keeps the answer's timing the same,
 * so response time does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string, client: Argon2Client = null): Promise<false> {
  dummyHash ??= hashPassword('bridgeway-timing-equaliser');
  await verifyPassword(await dummyHash, password, client);
  return false;
}

/**
 * Length is the rule (NIST SP 800-63B); on top of it, a strength estimator with its
 * common-password, name and word dictionaries and keyboard patterns (zxcvbn-ts, MIT) refuses
 * what attackers try first, and anything built from the person's own email or name.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});
/** zxcvbn's score 3: "safely unguessable", about 10^10 guesses. */
const MIN_SCORE = 3;

export interface WeakPassword {
  code: 'common-password' | 'repeated-character' | 'built-from-email' | 'too-guessable';
  message: string;
}

/** The words of an email and a name that a password must not be built from. */
function personalWords(email: string | undefined, name: string | undefined): string[] {
  const local = email?.split('@')[0] ?? '';
  const words = [local, ...local.split(/[._+-]+/), ...(name ?? '').split(/\s+/), 'bridgeway'];
  return [...new Set(words.map((word) => word.toLowerCase()).filter((word) => word.length >= 3))];
}

export function weakPasswordReason(password: string, email?: string, name?: string): WeakPassword | null {
  // Mostly the email's name (rosa.delgado → "RosaDelgado2026!"), which the estimator may still score well.
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const local = letters(email?.split('@')[0] ?? '');
  const compact = letters(password);
  if (local.length >= 4 && compact.includes(local) && local.length * 2 >= compact.length)
    return { code: 'built-from-email', message: 'must not be built from your email or name' };
  const result: ZxcvbnResult = estimator.check(normalizePassword(password).slice(0, 100), personalWords(email, name));
  if (result.score >= MIN_SCORE) return null;
  const matches = result.sequence;
  const dictionary = (name: string) =>
    matches.some((m) => m.pattern === 'dictionary' && 'dictionaryName' in m && String(m.dictionaryName).startsWith(name));
  if (dictionary('userInputs')) return { code: 'built-from-email', message: 'must not be built from your email or name' };
  if (matches.length === 1 && matches[0]?.pattern === 'repeat')
    return { code: 'repeated-character', message: 'is one pattern repeated; choose another' };
  if (dictionary('passwords')) return { code: 'common-password', message: 'is built from a common password; choose another' };
  return { code: 'too-guessable', message: 'is too easy to guess; add words or make it longer' };
}
