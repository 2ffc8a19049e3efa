import { sql } from 'kysely';
import type { Database } from '../../lib/db/database.ts';

/**
 * Lockout: the fifth consecutive failure for an email locks it for 15 minutes, and every
 * further failure doubles the lock, up to 24 hours. A day without failures starts the count
 * afresh; a successful sign-in clears it. Kept per email, not per account (docs/api.md).
 */
export const LOCK_AFTER_FAILURES = 5;

export async function lockedUntil(db: Database, email: string): Promise<Date | null> {
  const row = await db.selectFrom('signInThrottle').select('lockedUntil').where('email', '=', email).executeTakeFirst();
  return row?.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil : null;
}

export async function recordFailure(db: Database, email: string): Promise<{ failures: number; lockedUntil: Date | null }> {
  const result = await sql<{ consecutiveFailures: number; lockedUntil: Date | null }>`
    INSERT INTO sign_in_throttle AS t (email, consecutive_failures, last_failure_at)
    VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      consecutive_failures = CASE WHEN t.last_failure_at < now() - interval '24 hours' THEN 1 ELSE t.consecutive_failures + 1 END,
      last_failure_at = now()
    RETURNING consecutive_failures, locked_until`.execute(db);
  const row = result.rows[0];
  const failures = row?.consecutiveFailures ?? 1;
  if (failures < LOCK_AFTER_FAILURES) return { failures, lockedUntil: null };
  const minutes = Math.min(24 * 60, 15 * 2 ** (failures - LOCK_AFTER_FAILURES));
  const until = new Date(Date.now() + minutes * 60_000);
  await db.updateTable('signInThrottle').set({ lockedUntil: until }).where('email', '=', email).execute();
  return { failures, lockedUntil: until };
}

export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.deleteFrom('signInThrottle').where('email', '=', email).execute();
}
