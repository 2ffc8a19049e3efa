import { sql } from 'kysely';
import type { UserRow } from '../../db/schema.ts';
import { changedFields, withAudit } from '../../lib/audit/audit.ts';
import { hashPassword, weakPasswordReason } from '../../lib/auth/passwords.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import { endSession, endUserSessions, type SessionPolicy } from '../../lib/auth/sessions.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { nextVersion } from '../../lib/db/versions.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { checkCurrentCredentials } from './mfa.ts';
import type { MeBody, PasswordChangeBody } from './schemas.ts';

export async function signOut(db: Database, ctx: RequestContext): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) return;
  await withAudit(db, ctx, async (tx, audit) => {
    await endSession(tx, sessionId, 'sign-out');
    await audit({ action: 'sign-out', recordType: 'session', recordId: sessionId });
  });
}

export async function listMySessions(db: Database, ctx: RequestContext, policy: SessionPolicy) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'ip', 'userAgent'])
    .where('userId', '=', ctx.actor.userId)
    .where('endedAt', 'is', null)
    .where('absoluteExpiresAt', '>', sql<Date>`now()`)
    .where('lastSeenAt', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    current: row.id === ctx.actor.sessionId,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
  }));
}

export async function endMySession(db: Database, ctx: RequestContext, sessionId: string): Promise<void> {
  await withAudit(db, ctx, async (tx, audit) => {
    const session = await tx
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('userId', '=', ctx.actor.userId)
      .where('endedAt', 'is', null)
      .executeTakeFirst();
    if (!session) throw notFound();
    await endSession(tx, sessionId, 'ended-by-user');
    await audit({ action: 'sign-out', recordType: 'session', recordId: sessionId, details: { endedBy: 'user' } });
  });
}

/** Preferences a person sets for themselves; last write wins, as for any personal setting. */
export async function updateMe(db: Database, ctx: RequestContext, input: MeBody): Promise<UserRow> {
  return withAudit(db, ctx, async (tx, audit) => {
    const current = await tx.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).forUpdate().executeTakeFirstOrThrow();
    const user = await tx
      .updateTable('users')
      .set({
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.displayName ? { displayName: input.displayName.trim() } : {}),
        ...nextVersion(),
      })
      .where('id', '=', ctx.actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ action: 'update', recordType: 'user', recordId: user.id, details: { fields: changedFields(input, current) } });
    return user;
  });
}

export async function changePassword(db: Database, secrets: SecretBox, ctx: RequestContext, input: PasswordChangeBody): Promise<void> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (user.email === null) throw new Error('a session belongs to a person, who has an email');
  // Guessing the current password from a borrowed session counts like guessing at sign-in.
  await checkCurrentCredentials(db, secrets, ctx, { ...user, email: user.email }, input, { factor: false });
  const weak = weakPasswordReason(input.newPassword, user.email, user.displayName);
  if (weak) throw fieldError('/newPassword', weak.code, weak.message);
  const passwordHash = await hashPassword(input.newPassword, ctx.ip);
  await withAudit(db, ctx, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: sql<Date>`now()`, ...nextVersion() })
      .where('id', '=', user.id)
      .execute();
    const ended = await endUserSessions(tx, user.id, 'password-changed', ctx.actor.sessionId ?? undefined);
    await audit({ action: 'update', recordType: 'user', recordId: user.id, details: { change: 'password', otherSessionsEnded: ended } });
  });
}
