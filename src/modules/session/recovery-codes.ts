import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import type { Database } from '../../lib/db/database.ts';
import { newId } from '../../lib/ids.ts';
import type { NewRecoveryCode } from './tables.ts';

/**
 * MFA recovery codes: ten at enrolment (and on demand), shown once, stored as hashes, each
 * usable once at sign-in instead of an authenticator code. 80 random bits each, so (as for API
 * keys) a fast hash is enough: nobody can try 2^80 candidates against a leaked hash.
 */
const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => ALPHABET[byte & 31]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** As typed: case, spaces and dashes do not matter. */
const normalize = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashOf = (userId: string, code: string) =>
  createHash('sha256')
    .update(`${userId}:${normalize(code)}`)
    .digest();

/** Replaces a person's codes with ten new ones and returns them (the only time they are seen). */
export async function replaceRecoveryCodes(tx: Transaction<DB>, user: { id: string; organizationId: string }): Promise<string[]> {
  await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', user.id).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const rows: NewRecoveryCode[] = codes.map((code) => ({
    id: newId(),
    organizationId: user.organizationId,
    userId: user.id,
    codeHash: hashOf(user.id, code),
  }));
  await tx.insertInto('mfaRecoveryCodes').values(rows).execute();
  return codes;
}

/**
 * Spends one code, atomically (two sign-ins racing with the same code: one wins). Returns how
 * many are left, or null when the code is not one of the person's unused codes.
 */
export async function spendRecoveryCode(db: Database, userId: string, code: string): Promise<number | null> {
  const spent = await db
    .updateTable('mfaRecoveryCodes')
    .set({ usedAt: sql<Date>`now()` })
    .where('userId', '=', userId)
    .where('codeHash', '=', hashOf(userId, code))
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return null;
  return remainingRecoveryCodes(db, userId);
}

export async function remainingRecoveryCodes(executor: Executor, userId: string): Promise<number> {
  const row = await executor
    .selectFrom('mfaRecoveryCodes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
