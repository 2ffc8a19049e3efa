import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ApiKeyRow, UserRow } from '../../db/schema.ts';
import type { Database } from '../db/database.ts';
import { activeUserWithZone } from './sessions.ts';
import { hashToken, newToken, sameHash } from './tokens.ts';

/**
 * Key format `bwk_<prefix>_<secret>`: the prefix finds the row (and is safe to show in lists),
 * the secret's SHA-256 is compared in constant time. 256-bit secrets need no slow hash.
 */
export function newApiKeySecret(): { key: string; prefix: string; hash: Buffer } {
  const prefix = randomBytes(6).toString('hex');
  const key = `bwk_${prefix}_${newToken()}`;
  return { key, prefix, hash: hashToken(key) };
}

export async function findApiKey(db: Database, key: string): Promise<{ apiKey: ApiKeyRow; user: UserRow; timeZone: string } | null> {
  const match = /^bwk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  if (!match?.[1]) return null;
  const apiKey = await db.selectFrom('apiKeys').selectAll().where('keyPrefix', '=', match[1]).executeTakeFirst();
  if (!apiKey || !sameHash(apiKey.keyHash, hashToken(key))) return null;
  if (apiKey.revokedAt || apiKey.expiresAt.getTime() <= Date.now()) return null;
  const found = await activeUserWithZone(db, apiKey.userId);
  // No key ever acts as a person (the database refuses such keys too; this holds if it did not).
  return found?.user.kind === 'integration' ? { apiKey, ...found } : null;
}

export async function recordApiKeyUse(db: Database, apiKey: ApiKeyRow, ip: string | null): Promise<void> {
  if (apiKey.lastUsedAt && Date.now() - apiKey.lastUsedAt.getTime() < 60_000) return;
  await db
    .updateTable('apiKeys')
    .set({ lastUsedAt: sql<Date>`now()`, lastUsedIp: ip })
    .where('id', '=', apiKey.id)
    .execute();
}
