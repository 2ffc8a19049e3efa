import { nextVersion } from '../../lib/db/versions.ts';
import { sql } from 'kysely';
import type { UserRow } from '../../db/schema.ts';
import { mustEnrolMfa } from '../../lib/access.ts';
import { changedFields, withAudit, writeAudit } from '../../lib/audit/audit.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword, weakPasswordReason } from '../../lib/auth/passwords.ts';
import { createSession, endSession, endUserSessions, type SessionPolicy, type SessionStage } from '../../lib/auth/sessions.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../lib/auth/totp.ts';
import type { RequestContext, RequestMeta } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { conflict, fieldError, fieldProblem, notFound, Problem } from '../../lib/errors.ts';
import { normalizeEmail } from '../../lib/locales.ts';
import type { MeBody, PasswordChangeBody, SignInBody } from './schemas.ts';
import { beginAttempt, clearFailures } from './throttle.ts';

type FailureReason = 'unknown-account' | 'inactive-account' | 'wrong-password' | 'invalid-totp' | 'locked';

const invalidCredentials = () =>
  new Problem(401, 'invalid-credentials', 'Email or password is wrong', 'Check your email and password and try again.');

function lockedProblem(until: Date): Problem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new Problem(
    429,
    'account-locked',
    'Too many failed sign-ins',
    'Sign-in is paused for this account after repeated failures. Try again later or ask an admin.',
    {
      headers: { 'retry-after': String(seconds) },
      extensions: { retryAfterSeconds: seconds },
    },
  );
}

/**
 * Sign-in: throttle, password, second factor, then a fresh session (the old cookie's session,
 * if any, is ended: the session id rotates at every sign-in). Every failure is audited and
 * committed before the error is answered.
 */
export async function signIn(
  db: Database,
  policy: SessionPolicy,
  input: SignInBody,
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<{ token: string; stage: SessionStage; user: UserRow }> {
  const email = normalizeEmail(input.email);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  const auditFailure = (reason: FailureReason) =>
    writeAudit(
      db,
      { ...meta, organizationId: user?.organizationId ?? null, actorUserId: user?.id ?? null },
      {
        action: 'sign-in-failure',
        recordType: 'user',
        ...(user ? { recordId: user.id } : {}),
        details: { reason, ...(user ? {} : { email: email.slice(0, 254) }) },
      },
    );
  const attempt = await beginAttempt(db, email);
  if (!attempt.allowed) {
    await auditFailure('locked');
    throw lockedProblem(attempt.lockedUntil);
  }

  const fail = async (reason: FailureReason): Promise<never> => {
    await auditFailure(reason);
    // The failure that locks the account says so, rather than letting the next try find out.
    if (attempt.allowed && attempt.lockedIfWrong) throw lockedProblem(attempt.lockedIfWrong);
    if (reason === 'invalid-totp')
      throw new Problem(401, 'invalid-totp', 'The code is wrong', 'Enter the current 6-digit code from your authenticator app.');
    throw invalidCredentials();
  };

  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    return fail('unknown-account');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail('wrong-password');
  if (user.status !== 'active') return fail('inactive-account');

  let totpStep: number | null = null;
  if (user.mfaSecret && user.mfaEnabledAt) {
    if (!input.totp) {
      throw new Problem(
        401,
        'mfa-required',
        'Enter your authenticator code',
        'This account uses a second factor: send the 6-digit code as "totp".',
      );
    }
    totpStep = matchTotp(user.mfaSecret, input.totp, Date.now(), user.mfaLastStep);
    if (totpStep === null) return fail('invalid-totp');
  }

  await clearFailures(db, email);
  const stage: SessionStage = mustEnrolMfa(user) ? 'mfa-enrolment' : 'active';
  const token = await db.transaction().execute(async (tx) => {
    if (previousSessionId) await endSession(tx, previousSessionId, 'rotated');
    // The step guard in the WHERE refuses a code replayed by a concurrent sign-in.
    const updated = await tx
      .updateTable('users')
      .set({ lastSignInAt: sql<Date>`now()`, ...(totpStep !== null ? { mfaLastStep: totpStep } : {}) })
      .where('id', '=', user.id)
      .where((eb) => (totpStep === null ? eb.val(true) : eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', totpStep)])))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new Problem(401, 'invalid-totp', 'The code is wrong', 'That code was already used; wait for the next one.', {
        code: 'totp-already-used',
      });
    const created = await createSession(tx, user, stage, meta, policy);
    await writeAudit(
      tx,
      { ...meta, organizationId: user.organizationId, actorUserId: user.id },
      {
        action: 'sign-in',
        recordType: 'session',
        recordId: created.session.id,
        details: { stage, mfa: totpStep !== null },
      },
    );
    return created.token;
  });
  return { token, stage, user };
}

export async function signOut(db: Database, ctx: RequestContext): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) return;
  await withAudit(db, ctx, async (tx, audit) => {
    await endSession(tx, sessionId, 'sign-out');
    await audit({ action: 'sign-out', recordType: 'session', recordId: sessionId });
  });
}

async function lockUser(db: Database, ctx: RequestContext) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', ctx.actor.userId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
}

/**
 * Starts (or restarts) enrolment: a new secret, kept pending until a code proves the app has
 * it. Someone already enrolled may do this to move to a new phone: their session was itself
 * proven with the current factor, and the old one keeps working until the new one is confirmed.
 */
export async function startMfaEnrolment(db: Database, ctx: RequestContext): Promise<{ secret: string; otpauthUri: string }> {
  const user = await lockUser(db, ctx);
  // A reload of the page shows the key already scanned, not a new one that would orphan it.
  if (user.mfaPendingSecret) return { secret: user.mfaPendingSecret, otpauthUri: otpauthUri(user.mfaPendingSecret, user.email) };
  const secret = newTotpSecret();
  await withAudit(db, ctx, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ mfaPendingSecret: secret, updatedAt: sql<Date>`now()` })
      .where('id', '=', user.id)
      .execute();
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      details: { change: user.mfaEnabledAt ? 'mfa-replacement-started' : 'mfa-enrolment-started' },
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

/** Confirms enrolment (or the move to a new app) and rotates the session, which becomes fully active. */
export async function confirmMfaEnrolment(
  db: Database,
  ctx: RequestContext,
  policy: SessionPolicy,
  totp: string,
): Promise<{ token: string }> {
  return withAudit(db, ctx, async (tx, audit) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).forUpdate().executeTakeFirstOrThrow();
    if (!user.mfaPendingSecret) throw conflict('enrolment-not-started', 'Start the enrolment first: POST /api/session/mfa/enrolment.');
    const step = matchTotp(user.mfaPendingSecret, totp, Date.now());
    if (step === null)
      throw new Problem(400, 'invalid-totp', 'The code is wrong', 'Enter the current 6-digit code shown by your authenticator app.', {
        errors: [fieldProblem('/totp', 'invalid-totp', 'does not match')],
      });
    await tx
      .updateTable('users')
      .set({
        mfaSecret: user.mfaPendingSecret,
        mfaPendingSecret: null,
        mfaEnabledAt: sql<Date>`now()`,
        mfaLastStep: step,
        ...nextVersion(),
      })
      .where('id', '=', user.id)
      .execute();
    if (ctx.actor.sessionId) await endSession(tx, ctx.actor.sessionId, 'rotated');
    const created = await createSession(tx, user, 'active', ctx, policy);
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      details: { change: user.mfaEnabledAt ? 'mfa-replaced' : 'mfa-enrolled' },
    });
    return { token: created.token };
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

export async function changePassword(db: Database, ctx: RequestContext, input: PasswordChangeBody): Promise<void> {
  const user = await lockUser(db, ctx);
  // Guessing the current password from a borrowed session counts like guessing at sign-in.
  const attempt = await beginAttempt(db, user.email);
  if (!attempt.allowed) throw lockedProblem(attempt.lockedUntil);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError('/currentPassword', 'wrong-current-password', 'is not your current password');
  }
  await clearFailures(db, user.email);
  const weak = weakPasswordReason(input.newPassword, user.email);
  if (weak) throw fieldError('/newPassword', weak.code, weak.message);
  const passwordHash = await hashPassword(input.newPassword);
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
