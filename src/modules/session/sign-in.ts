import { sql } from 'kysely';
import type { UserRow } from '../../db/schema.ts';
import { mustEnrolMfa } from '../../lib/access.ts';
import { writeAudit } from '../../lib/audit/audit.ts';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../../lib/auth/passwords.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import { createSession, endSession, type SessionPolicy, type SessionStage } from '../../lib/auth/sessions.ts';
import { matchTotp } from '../../lib/auth/totp.ts';
import type { RequestMeta } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { Problem } from '../../lib/errors.ts';
import { normalizeEmail } from '../../lib/locales.ts';
import { openMfaSecret } from './mfa-secrets.ts';
import { spendRecoveryCode } from './recovery-codes.ts';
import type { SignInBody } from './schemas.ts';
import { countSecurityEventsSince } from './security-events.ts';
import { beginAttempt, clearFailures, lockedProblem } from './throttle.ts';

type FailureReason = 'unknown-account' | 'inactive-account' | 'wrong-password' | 'invalid-totp' | 'invalid-recovery-code' | 'locked';

const invalidCredentials = () =>
  new Problem(401, 'invalid-credentials', 'Email or password is wrong', 'Check your email and password and try again.');

/**
 * An email is unique within an organization, so one address can have an account in several
 * (docs/security.md). The password picks the account; only when it opens more than one is the
 * person asked which organization, and then only the organizations whose account it opened.
 */
const MAX_ACCOUNTS_PER_EMAIL = 5;

/**
 * Sign-in: throttle, password, second factor (a TOTP code or a recovery code), then a fresh
 * session (the old cookie's session, if any, is ended: the session id rotates at every
 * sign-in). Every failure is audited and committed before the error is answered. A failure for
 * an email with no account keeps a keyed hash of it, never the typed text.
 */
export async function signIn(
  db: Database,
  secrets: SecretBox,
  policy: SessionPolicy,
  input: SignInBody,
  meta: RequestMeta,
  previousSessionId: string | null,
): Promise<{ token: string; stage: SessionStage; user: UserRow }> {
  const email = normalizeEmail(input.email);
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .where('kind', '=', 'person')
    .orderBy('id')
    .limit(MAX_ACCOUNTS_PER_EMAIL);
  if (input.organizationId) query = query.where('organizationId', '=', input.organizationId);
  const accounts = await query.execute();

  const auditFailure = async (reason: FailureReason, about: readonly UserRow[]) => {
    if (about.length === 0) {
      const emailHash = secrets.keyedHash('sign-in-email', email).slice(0, 32);
      await writeAudit(
        db,
        { ...meta, organizationId: null, actorUserId: null },
        { action: 'sign-in-failure', details: { reason, emailHash } },
      );
    }
    for (const user of about)
      await writeAudit(
        db,
        { ...meta, organizationId: user.organizationId, actorUserId: user.id },
        { action: 'sign-in-failure', recordType: 'user', recordId: user.id, details: { reason } },
      );
  };
  const attempt = await beginAttempt(db, email);
  if (!attempt.allowed) {
    await auditFailure('locked', accounts);
    throw lockedProblem(attempt.lockedUntil);
  }
  const fail = async (reason: FailureReason, about: readonly UserRow[]): Promise<never> => {
    await auditFailure(reason, about);
    // The failure that locks the account says so, rather than letting the next try find out.
    if (attempt.lockedIfWrong) throw lockedProblem(attempt.lockedIfWrong);
    if (reason === 'invalid-totp')
      throw new Problem(401, 'invalid-totp', 'The code is wrong', 'Enter the current 6-digit code from your authenticator app.');
    if (reason === 'invalid-recovery-code')
      throw new Problem(401, 'invalid-totp', 'The code is wrong', 'That recovery code is not one of your unused codes.', {
        code: 'invalid-recovery-code',
      });
    throw invalidCredentials();
  };

  const withPassword = accounts.filter((user) => user.passwordHash !== null);
  if (withPassword.length === 0) {
    await verifyAgainstDummy(input.password, meta.ip);
    return fail('unknown-account', accounts);
  }
  const opened: UserRow[] = [];
  for (const user of withPassword) if (await verifyPassword(user.passwordHash ?? '', input.password, meta.ip)) opened.push(user);
  const [user, ...others] = opened;
  if (!user) return fail('wrong-password', withPassword);
  if (others.length > 0) {
    const organizations = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        opened.map((account) => account.organizationId),
      )
      .orderBy('name')
      .execute();
    throw new Problem(
      409,
      'conflict',
      'Choose your organization',
      'This email and password open accounts in several organizations; send organizationId.',
      {
        code: 'choose-organization',
        extensions: { organizations },
      },
    );
  }
  if (user.status !== 'active') return fail('inactive-account', [user]);

  let totpStep: number | null = null;
  let recoveryCodesLeft: number | null = null;
  if (user.mfaSecret && user.mfaEnabledAt) {
    if (input.recoveryCode) {
      recoveryCodesLeft = await spendRecoveryCode(db, user.id, input.recoveryCode);
      if (recoveryCodesLeft === null) return fail('invalid-recovery-code', [user]);
    } else if (!input.totp) {
      throw new Problem(
        401,
        'mfa-required',
        'Enter your authenticator code',
        'This account uses a second factor: send the 6-digit code as "totp".',
      );
    } else {
      totpStep = matchTotp(openMfaSecret(secrets, 'mfaSecret', user.id, user.mfaSecret), input.totp, Date.now(), user.mfaLastStep);
      if (totpStep === null) return fail('invalid-totp', [user]);
    }
  }

  await clearFailures(db, email);
  const organization = await db
    .selectFrom('organizations')
    .select('mfaRequiredForAll')
    .where('id', '=', user.organizationId)
    .executeTakeFirstOrThrow();
  const stage: SessionStage = mustEnrolMfa(user, organization) ? 'mfa-enrolment' : 'active';
  // Hashes made with older parameters are upgraded now, while the password is at hand.
  const upgradedHash = user.passwordHash && needsRehash(user.passwordHash) ? await hashPassword(input.password, meta.ip) : null;
  const token = await db.transaction().execute(async (tx) => {
    if (previousSessionId) await endSession(tx, previousSessionId, 'rotated');
    // The step guard in the WHERE refuses a code replayed by a concurrent sign-in.
    const updated = await tx
      .updateTable('users')
      .set({
        previousSignInAt: sql<Date>`last_sign_in_at`,
        lastSignInAt: sql<Date>`now()`,
        ...(totpStep !== null ? { mfaLastStep: totpStep } : {}),
        ...(upgradedHash ? { passwordHash: upgradedHash } : {}),
      })
      .where('id', '=', user.id)
      .where((eb) => (totpStep === null ? eb.val(true) : eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', totpStep)])))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new Problem(401, 'invalid-totp', 'The code is wrong', 'That code was already used; wait for the next one.', {
        code: 'totp-already-used',
      });
    const auditMeta = { ...meta, organizationId: user.organizationId, actorUserId: user.id };
    if (recoveryCodesLeft !== null)
      await writeAudit(tx, auditMeta, {
        action: 'update',
        recordType: 'user',
        recordId: user.id,
        details: { change: 'recovery-code-used', recoveryCodesLeft },
      });
    const created = await createSession(tx, user, stage, meta, policy);
    const events = await countSecurityEventsSince(tx, user.id, user.lastSignInAt);
    await tx.updateTable('sessions').set({ securityEventsSincePreviousSignIn: events }).where('id', '=', created.session.id).execute();
    await writeAudit(tx, auditMeta, {
      action: 'sign-in',
      recordType: 'session',
      recordId: created.session.id,
      details: {
        stage,
        mfa: totpStep !== null || recoveryCodesLeft !== null,
        ...(recoveryCodesLeft !== null ? { secondFactor: 'recovery-code' } : {}),
      },
    });
    return created.token;
  });
  return { token, stage, user };
}
