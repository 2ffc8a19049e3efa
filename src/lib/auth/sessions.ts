import { sql } from 'kysely';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import type { Executor } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import type { RequestMeta } from '../context.ts';
import { newId } from '../ids.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'bridgeway_session';
export type SessionStage = 'mfa-enrolment' | 'active';
export type SessionEndReason = 'sign-out' | 'ended-by-user' | 'password-changed' | 'deactivated' | 'rotated' | 'mfa-reset';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  executor: Executor,
  user: Pick<UserRow, 'id' | 'organizationId'>,
  stage: SessionStage,
  meta: RequestMeta,
  policy: SessionPolicy,
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const session = await executor
    .insertInto('sessions')
    .values({
      id: newId(),
      tokenHash: hashToken(token),
      organizationId: user.organizationId,
      userId: user.id,
      stage,
      csrfToken: newToken(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      absoluteExpiresAt: new Date(Date.now() + policy.absoluteHours * 3_600_000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session };
}

/** The open, unexpired session for a cookie token, with its (active) user; null otherwise. */
export async function findSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<{ session: SessionRow; user: UserRow; timeZone: string; mfaRequiredForAll: boolean } | null> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('tokenHash', '=', hashToken(token))
    .where('endedAt', 'is', null)
    .where('absoluteExpiresAt', '>', sql<Date>`now()`)
    .where('lastSeenAt', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .executeTakeFirst();
  if (!session) return null;
  const found = await activeUserWithZone(db, session.userId);
  return found ? { session, ...found } : null;
}

/** Idle timeout bookkeeping, written at most once a minute per session to spare the database. */
export async function touchSession(db: Database, session: SessionRow): Promise<void> {
  if (Date.now() - session.lastSeenAt.getTime() < 60_000) return;
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: sql<Date>`now()` })
    .where('id', '=', session.id)
    .execute();
}

export async function endSession(executor: Executor, sessionId: string, reason: SessionEndReason): Promise<void> {
  await executor
    .updateTable('sessions')
    .set({ endedAt: sql<Date>`now()`, endReason: reason })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
}

export async function endUserSessions(
  executor: Executor,
  userId: string,
  reason: SessionEndReason,
  exceptSessionId?: string,
): Promise<number> {
  let query = executor
    .updateTable('sessions')
    .set({ endedAt: sql<Date>`now()`, endReason: reason })
    .where('userId', '=', userId)
    .where('endedAt', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * An active user with their organization's time zone and second-factor rule (every request's
 * actor needs them).
 */
export async function activeUserWithZone(
  db: Database,
  userId: string,
): Promise<{ user: UserRow; timeZone: string; mfaRequiredForAll: boolean } | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organizationId')
    .selectAll('users')
    .select(['organizations.timeZone as organizationTimeZone', 'organizations.mfaRequiredForAll as organizationMfaRequiredForAll'])
    .where('users.id', '=', userId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const { organizationTimeZone, organizationMfaRequiredForAll, ...user } = row;
  return { user, timeZone: organizationTimeZone, mfaRequiredForAll: organizationMfaRequiredForAll };
}
