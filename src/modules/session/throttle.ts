import { sql } from 'kysely';
import type { Database } from '../../lib/db/database.ts';
import { Problem } from '../../lib/errors.ts';

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

/**
 * The answer to a locked email. It names the way back that an attacker cannot block (an admin's
 * set-password link, or `bridgeway reset-access` run on the server by whoever runs it), and
 * says the same to everyone, so it does not reveal whether the email is an admin's.
 */
export function lockedProblem(until: Date): Problem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new Problem(
    429,
    'account-locked',
    'Too many failed sign-ins',
    'Sign-in is paused for this account after repeated failures. Try again later, or ask an admin for a new set-password link. ' +
      'An administrator no one else can help can run `npx bridgeway reset-access --email <email>` on the server.',
    { headers: { 'retry-after': String(seconds) }, extensions: { retryAfterSeconds: seconds } },
  );
}

/**
 * Forgets emails nobody has tried for a day (and whose lock, if any, has run out): the count
 * starts afresh after a day anyway, and the table should not keep every email ever typed.
 * Run hourly by the server (src/main.ts).
 */
export async function expireThrottleRows(db: Database): Promise<number> {
  const result = await db
    .deleteFrom('signInThrottle')
    .where('lastFailureAt', '<', sql<Date>`now() - interval '24 hours'`)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
