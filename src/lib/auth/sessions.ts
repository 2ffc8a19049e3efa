import { sql } from 'kysely';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import type { Executor } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
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

/**
 * Every column of a session, named: the session is read joined with its user, whose columns
 * share names with it (id, organization_id, created_at). A column added to the table and not
 * here fails the type check.
 */
const SESSION_COLUMNS = {
  id: true,
  tokenHash: true,
  organizationId: true,
  userId: true,
  stage: true,
  csrfToken: true,
  ip: true,
  userAgent: true,
  createdAt: true,
  lastSeenAt: true,
  absoluteExpiresAt: true,
  endedAt: true,
  endReason: true,
  securityEventsSincePreviousSignIn: true,
  patientModeAssessmentId: true,
  patientModeLocale: true,
  patientModeStartedAt: true,
} as const satisfies Record<keyof SessionRow, true>;
const sessionColumns = Object.keys(SESSION_COLUMNS) as (keyof SessionRow)[];
/** The name a session column is read under beside the user's (`sessionTokenHash`). */
const aliasOf = (column: string) => `session${column[0]?.toUpperCase() ?? ''}${column.slice(1)}`;

/**
 * The open, unexpired session for a cookie token, with its (active) user; null otherwise.
 * One statement, as every signed-in request runs it: the session, its user and the
 * organization's rules (it was two round trips).
 */
export async function findSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<{ session: SessionRow; user: UserRow; timeZone: string; mfaRequiredForAll: boolean } | null> {
  // Read on every request: a named statement (src/lib/db/prepared.ts).
  const query = db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .innerJoin('organizations', 'organizations.id', 'users.organizationId')
    .selectAll('users')
    .select(['organizations.timeZone as organizationTimeZone', 'organizations.mfaRequiredForAll as organizationMfaRequiredForAll'])
    .select(sessionColumns.map((column) => sql.ref(`sessions.${column}`).as(aliasOf(column))))
    .where('sessions.tokenHash', '=', hashToken(token))
    .where('sessions.endedAt', 'is', null)
    .where('sessions.absoluteExpiresAt', '>', sql<Date>`now()`)
    .where('sessions.lastSeenAt', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .where('users.status', '=', 'active');
  const [row] = (await db.executeQuery(prepared(query))).rows;
  if (!row) return null;
  const { organizationTimeZone, organizationMfaRequiredForAll, ...fields } = row as typeof row & Record<string, unknown>;
  const session: Record<string, unknown> = {};
  for (const column of sessionColumns) {
    session[column] = fields[aliasOf(column)];
    delete fields[aliasOf(column)];
  }
  return {
    session: session as unknown as SessionRow,
    user: fields,
    timeZone: organizationTimeZone,
    mfaRequiredForAll: organizationMfaRequiredForAll,
  };
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
