import { sql } from 'kysely';
import type { Database } from '../../lib/db/database.ts';

/**
 * Lockout, per email (existing or not, so it reveals nothing). Every attempt is counted
 * *before* the password is checked, in one atomic statement, so parallel guesses cannot slip
 * past the count. The fifth attempt in a row locks the email while it is being checked; a
 * success clears the count and the lock. A lock lasts 15 minutes and doubles with each further
 * failed attempt (up to 24 hours); once it expires, one attempt at a time is let through.
 * A day without attempts starts the count afresh.
 */
const LOCK_AFTER_FAILURES = 5;

/** `locksAt`: when this attempt fails, the email is locked until then (say so at once). */
export type AttemptResult = { allowed: true; lockedIfWrong: Date | null } | { allowed: false; lockedUntil: Date };

export async function beginAttempt(db: Database, email: string): Promise<AttemptResult> {
  // One statement counts the attempt and, from the fifth on, locks the email; ON CONFLICT
  // re-checks the lock on the row it has locked, so concurrent attempts queue, then are refused.
  const next = sql`(CASE WHEN t.last_failure_at < now() - interval '24 hours' THEN 1 ELSE t.consecutive_failures + 1 END)`;
  const taken = await sql<{ consecutiveFailures: number; lockedUntil: Date | null }>`
    INSERT INTO sign_in_throttle AS t (email, consecutive_failures, last_failure_at)
    VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      consecutive_failures = ${next},
      last_failure_at = now(),
      locked_until = CASE WHEN ${next} >= ${LOCK_AFTER_FAILURES}
                          THEN now() + make_interval(mins => least(1440, 15 * power(2, ${next} - ${LOCK_AFTER_FAILURES})::int))
                          ELSE NULL END
    WHERE t.locked_until IS NULL OR t.locked_until <= now()
    RETURNING t.consecutive_failures, t.locked_until`.execute(db);
  const row = taken.rows[0];
  if (!row) {
    const locked = await db.selectFrom('signInThrottle').select('lockedUntil').where('email', '=', email).executeTakeFirst();
    return { allowed: false, lockedUntil: locked?.lockedUntil ?? new Date(Date.now() + 60_000) };
  }
  return { allowed: true, lockedIfWrong: row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil : null };
}

export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.deleteFrom('signInThrottle').where('email', '=', email).execute();
}
