import { sql } from 'kysely';
import type { UserRow } from '../../db/schema.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import { verifyPassword } from '../../lib/auth/passwords.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import { createSession, endSession, type SessionPolicy } from '../../lib/auth/sessions.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../lib/auth/totp.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, fieldProblem, Problem } from '../../lib/errors.ts';
import { openMfaSecret, sealMfaSecret } from './mfa-secrets.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';
import type { MfaStartBody } from './schemas.ts';
import { beginAttempt, clearFailures, lockedProblem } from './throttle.ts';

async function me(db: Database, ctx: RequestContext): Promise<UserRow & { email: string }> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', ctx.actor.userId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
  if (user.email === null) throw new Error('a session belongs to a person, who has an email');
  return { ...user, email: user.email };
}

/**
 * Proves the person at the keyboard is the account's owner, not someone at an unlocked screen
 * or with a stolen cookie: the current password (counted like sign-in guesses) and, when they
 * have one, a current code from their second factor (which is then spent, like at sign-in).
 */
export async function checkCurrentCredentials(
  db: Database,
  secrets: SecretBox,
  ctx: RequestContext,
  user: UserRow & { email: string },
  input: { currentPassword?: string | undefined; totp?: string | undefined },
  options: { factor: boolean },
): Promise<void> {
  if (!input.currentPassword) throw fieldError('/currentPassword', 'required', 'is required');
  if (options.factor && !input.totp) throw fieldError('/totp', 'required', 'is required');
  const attempt = await beginAttempt(db, user.email);
  if (!attempt.allowed) throw lockedProblem(attempt.lockedUntil);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword, ctx.ip)))
    throw fieldError('/currentPassword', 'wrong-current-password', 'is not your current password');
  if (options.factor && user.mfaSecret && input.totp) {
    const step = matchTotp(openMfaSecret(secrets, 'mfaSecret', user.id, user.mfaSecret), input.totp, Date.now(), user.mfaLastStep);
    const spent =
      step !== null &&
      Number(
        (
          await db
            .updateTable('users')
            .set({ mfaLastStep: step })
            .where('id', '=', user.id)
            .where((eb) => eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', step)]))
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1;
    if (!spent) throw fieldError('/totp', 'invalid-totp', 'is not the current code of your authenticator app');
  }
  await clearFailures(db, user.email);
}

/**
 * Starts (or restarts) enrolment: a new secret, kept pending until a code proves the app has
 * it. Moving to a new authenticator while enrolled needs the current password and a current
 * code from the old one, so a borrowed session cannot swap the factor; the old one keeps
 * working until the new one is confirmed.
 */
export async function startMfaEnrolment(
  db: Database,
  secrets: SecretBox,
  ctx: RequestContext,
  input: MfaStartBody | undefined,
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await me(db, ctx);
  const replacing = user.mfaEnabledAt !== null;
  if (replacing) await checkCurrentCredentials(db, secrets, ctx, user, input ?? {}, { factor: true });
  // A reload of the page shows the key already scanned, not a new one that would orphan it.
  if (user.mfaPendingSecret) {
    const pending = openMfaSecret(secrets, 'mfaPendingSecret', user.id, user.mfaPendingSecret);
    return { secret: pending, otpauthUri: otpauthUri(pending, user.email) };
  }
  const secret = newTotpSecret();
  await withAudit(db, ctx, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ mfaPendingSecret: sealMfaSecret(secrets, 'mfaPendingSecret', user.id, secret), updatedAt: sql<Date>`now()` })
      .where('id', '=', user.id)
      .execute();
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      details: { change: replacing ? 'mfa-replacement-started' : 'mfa-enrolment-started' },
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

/**
 * Confirms enrolment (or the move to a new app), rotates the session, which becomes fully
 * active, and issues ten new recovery codes, shown this once.
 */
export async function confirmMfaEnrolment(
  db: Database,
  secrets: SecretBox,
  ctx: RequestContext,
  policy: SessionPolicy,
  totp: string,
): Promise<{ token: string; recoveryCodes: string[] }> {
  return withAudit(db, ctx, async (tx, audit) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).forUpdate().executeTakeFirstOrThrow();
    if (!user.mfaPendingSecret) throw conflict('enrolment-not-started', 'Start the enrolment first: POST /api/session/mfa/enrolment.');
    const pending = openMfaSecret(secrets, 'mfaPendingSecret', user.id, user.mfaPendingSecret);
    const step = matchTotp(pending, totp, Date.now());
    if (step === null)
      throw new Problem(400, 'invalid-totp', 'The code is wrong', 'Enter the current 6-digit code shown by your authenticator app.', {
        errors: [fieldProblem('/totp', 'invalid-totp', 'does not match')],
      });
    await tx
      .updateTable('users')
      .set({
        mfaSecret: sealMfaSecret(secrets, 'mfaSecret', user.id, pending),
        mfaPendingSecret: null,
        mfaEnabledAt: sql<Date>`now()`,
        mfaLastStep: step,
        ...nextVersion(),
      })
      .where('id', '=', user.id)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(tx, user);
    if (ctx.actor.sessionId) await endSession(tx, ctx.actor.sessionId, 'rotated');
    const created = await createSession(tx, user, 'active', ctx, policy);
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      details: { change: user.mfaEnabledAt ? 'mfa-replaced' : 'mfa-enrolled', recoveryCodes: recoveryCodes.length },
    });
    return { token: created.token, recoveryCodes };
  });
}

/** Ten new recovery codes (the old ones stop working), for an enrolled person who proves who they are. */
export async function regenerateRecoveryCodes(
  db: Database,
  secrets: SecretBox,
  ctx: RequestContext,
  currentPassword: string,
): Promise<string[]> {
  const user = await me(db, ctx);
  if (!user.mfaEnabledAt) throw conflict('mfa-not-enrolled', 'Set up an authenticator app first; recovery codes come with it.');
  await checkCurrentCredentials(db, secrets, ctx, user, { currentPassword }, { factor: false });
  return withAudit(db, ctx, async (tx, audit) => {
    const codes = await replaceRecoveryCodes(tx, user);
    await audit({ action: 'update', recordType: 'user', recordId: user.id, details: { change: 'recovery-codes-regenerated' } });
    return codes;
  });
}
