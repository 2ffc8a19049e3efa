import { sql, type Transaction } from 'kysely';
import { INTEGRATION_ROLES } from '../../codes.ts';
import type { DB, UserRow } from '../../db/schema.ts';
import { requirePermission, type Role } from '../../lib/access.ts';
import { changedFields, withAudit, writeAudit, type Audit } from '../../lib/audit/audit.ts';
import { hashPassword, weakPasswordReason } from '../../lib/auth/passwords.ts';
import { endUserSessions } from '../../lib/auth/sessions.ts';
import { hashToken, newToken } from '../../lib/auth/tokens.ts';
import type { RequestContext, RequestMeta } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { checkVersion, nextVersion } from '../../lib/db/versions.ts';
import { conflict, fieldError, fieldProblem, notFound, ruleViolation } from '../../lib/errors.ts';
import { toPage } from '../../lib/http/schemas.ts';
import { newId } from '../../lib/ids.ts';
import { normalizeEmail } from '../../lib/locales.ts';
import { presentOneUser, presentUsers } from './presenter.ts';
import { activeAdminCount, listUsersQuery, replaceMemberships, unknownPrograms } from './queries.ts';
import type { CreateUserBody, UpdateUserBody, UserListQuery } from './schemas.ts';

const INVITATION_DAYS = 7;

export async function listUsers(db: Database, ctx: RequestContext, query: UserListQuery) {
  requirePermission(ctx.actor, 'staff:read');
  const limit = query.limit ?? 50;
  const rows = await listUsersQuery(db, ctx.actor.organizationId, query, limit).execute();
  const result = toPage(rows, limit, (row) => [row.displayName.toLowerCase(), row.id]);
  return { items: await presentUsers(db, result.items), nextCursor: result.nextCursor };
}

export async function getUser(db: Database, ctx: RequestContext, id: string) {
  if (id !== ctx.actor.userId) requirePermission(ctx.actor, 'staff:read');
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!user) throw notFound();
  return user;
}

/** The columns that forget a person's second factor (admin reset, `bridgeway reset-access`). */
export const NO_SECOND_FACTOR = { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null } as const;

/**
 * Changes that can remove an admin take the organization's row first, so they run one at a
 * time: otherwise two admins demoting each other would each lock the other and deadlock.
 */
async function serializeAdminChanges(tx: Transaction<DB>, ctx: RequestContext): Promise<void> {
  await tx.selectFrom('organizations').select('id').where('id', '=', ctx.actor.organizationId).forNoKeyUpdate().execute();
}

async function lockUser(tx: Transaction<DB>, ctx: RequestContext, id: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .forUpdate()
    .executeTakeFirst();
}

async function assertPrograms(tx: Transaction<DB>, ctx: RequestContext, programIds: string[]): Promise<void> {
  const unknown = await unknownPrograms(tx, ctx.actor.organizationId, programIds);
  if (unknown.length > 0)
    throw ruleViolation('unknown-programs', 'Some programs do not exist in this organization.', {
      errors: [fieldProblem('/programIds', 'unknown-programs', `unknown program(s): ${unknown.join(', ')}`)],
    });
}

/** A one-time set-password link; only the token's hash is stored. */
async function issueInvitation(tx: Transaction<DB>, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await tx
    .updateTable('users')
    .set({ invitationTokenHash: hashToken(token), invitationExpiresAt: expiresAt })
    .where('id', '=', userId)
    .execute();
  return { token, expiresAt };
}

export async function createUser(db: Database, ctx: RequestContext, input: CreateUserBody) {
  requirePermission(ctx.actor, 'staff:manage');
  const email = normalizeEmail(input.email);
  return withAudit(db, ctx, async (tx, audit) => {
    // Unique within the organization only: whether another organization uses the address is
    // none of this admin's business (docs/security.md).
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .where('organizationId', '=', ctx.actor.organizationId)
      .executeTakeFirst();
    if (taken)
      throw conflict('email-taken', 'A staff account with this email already exists.', {
        errors: [fieldProblem('/email', 'email-taken', 'is already used by another staff account')],
      });
    const programIds = input.programIds ?? [];
    await assertPrograms(tx, ctx, programIds);
    const organization = await tx
      .selectFrom('organizations')
      .select('defaultLocale')
      .where('id', '=', ctx.actor.organizationId)
      .executeTakeFirstOrThrow();
    const user = await tx
      .insertInto('users')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        email,
        displayName: input.displayName.trim(),
        roles: input.roles,
        status: 'invited',
        locale: input.locale ?? organization.defaultLocale,
        credential: input.credential?.trim() ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceMemberships(tx, ctx.actor.organizationId, user.id, programIds);
    const invitation = await issueInvitation(tx, user.id);
    await audit({ action: 'create', recordType: 'user', recordId: user.id, details: { roles: input.roles, programIds } });
    return { user: await presentOneUser(tx, user), invitation };
  });
}

export async function updateUser(db: Database, ctx: RequestContext, id: string, version: number, input: UpdateUserBody) {
  requirePermission(ctx.actor, 'staff:manage');
  return withAudit(db, ctx, async (tx, audit) => {
    if (input.roles) await serializeAdminChanges(tx, ctx);
    const current = checkVersion(await lockUser(tx, ctx, id), version);
    if (id === ctx.actor.userId) await refuseOwnAccessChange(tx, current, input);
    if (current.kind === 'integration' && input.roles) assertIntegrationRoles(input.roles);
    if (input.roles && !input.roles.includes('admin') && current.roles.includes('admin')) {
      await assertNotLastAdmin(tx, ctx, current, 'remove the admin role from');
    }
    if (input.programIds) {
      await assertPrograms(tx, ctx, input.programIds);
      await replaceMemberships(tx, ctx.actor.organizationId, id, input.programIds);
    }
    const user = await tx
      .updateTable('users')
      .set({
        ...(input.displayName ? { displayName: input.displayName.trim() } : {}),
        ...(input.roles ? { roles: input.roles } : {}),
        ...(input.credential !== undefined ? { credential: input.credential?.trim() ?? null } : {}),
        ...nextVersion(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: id,
      details: {
        fields: changedFields({ ...input, ...(input.programIds ? { programIds: input.programIds } : {}) }, current),
        ...(input.roles ? { roles: input.roles, previousRoles: current.roles } : {}),
      },
    });
    return user;
  });
}

/**
 * Nobody changes their own roles or programs: an admin who could would need no one else to
 * widen their own access, and a stolen admin session could quietly keep itself (issue 13).
 * Sending the unchanged values (a form that posts every field) is not a change.
 */
async function refuseOwnAccessChange(tx: Transaction<DB>, current: UserRow, input: UpdateUserBody): Promise<void> {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
  const rolesChange = input.roles !== undefined && !same(input.roles, current.roles);
  const programsChange =
    input.programIds !== undefined &&
    !same(
      input.programIds,
      (await tx.selectFrom('programMemberships').select('programId').where('userId', '=', current.id).execute()).map(
        (row) => row.programId,
      ),
    );
  if (rolesChange || programsChange)
    throw ruleViolation('own-account', 'You cannot change your own roles or programs; ask another admin.', {
      errors: [fieldProblem(rolesChange ? '/roles' : '/programIds', 'own-account', 'cannot be changed on your own account')],
    });
}

/** The roles an integration account may hold (src/codes.ts): none that needs a second factor. */
export function assertIntegrationRoles(roles: readonly Role[]): void {
  const refused = roles.filter((role) => !(INTEGRATION_ROLES as readonly Role[]).includes(role));
  if (refused.length > 0)
    throw ruleViolation('role-not-for-integration', 'An integration account holds clinical roles that need no second factor only.', {
      errors: [fieldProblem('/roles', 'role-not-for-integration', `not for an integration account: ${refused.join(', ')}`)],
    });
}

/** Credentials are a person's: an integration account has no password, link or second factor. */
function refuseIntegration(user: UserRow): void {
  if (user.kind === 'integration')
    throw ruleViolation(
      'integration-account',
      'An integration account has no password or second factor; it acts only through its API keys.',
    );
}

/** Nobody issues their own set-password link or resets their own second factor (issue 13). */
function refuseOwnCredentials(ctx: RequestContext, id: string): void {
  if (id === ctx.actor.userId)
    throw ruleViolation('own-account', 'You cannot reset your own credentials here: use Account, or ask another admin.');
}

async function assertNotLastAdmin(tx: Transaction<DB>, ctx: RequestContext, user: UserRow, what: string): Promise<void> {
  if (user.status === 'active' && (await activeAdminCount(tx, ctx.actor.organizationId)) <= 1) {
    throw ruleViolation('last-admin', `You cannot ${what} the last active admin; make someone else an admin first.`);
  }
}

async function changeStatus(db: Database, ctx: RequestContext, id: string, version: number, to: 'active' | 'deactivated') {
  requirePermission(ctx.actor, 'staff:manage');
  return withAudit(db, ctx, async (tx, audit) => {
    await serializeAdminChanges(tx, ctx);
    const current = checkVersion(await lockUser(tx, ctx, id), version);
    if (to === 'deactivated') {
      if (current.status === 'deactivated') throw conflict('already-deactivated', 'This staff member is already deactivated.');
      if (id === ctx.actor.userId) throw ruleViolation('own-account', 'You cannot deactivate your own account.');
      if (current.roles.includes('admin')) await assertNotLastAdmin(tx, ctx, current, 'deactivate');
    } else if (current.status !== 'deactivated') {
      throw conflict('not-deactivated', 'Only a deactivated staff member can be reactivated.');
    }
    // An invited person who never set a password goes back to invited, not active.
    const status = to === 'active' && current.kind === 'person' && !current.passwordHash ? 'invited' : to;
    const user = await tx
      .updateTable('users')
      .set({
        status,
        deactivatedAt: to === 'deactivated' ? sql<Date>`now()` : null,
        ...nextVersion(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const ended = to === 'deactivated' ? await endUserSessions(tx, id, 'deactivated') : 0;
    // Their keys are revoked, not merely unusable: reactivation must not bring an old key back.
    if (to === 'deactivated') {
      await tx
        .updateTable('apiKeys')
        .set({ revokedAt: sql<Date>`now()` })
        .where('userId', '=', id)
        .where('revokedAt', 'is', null)
        .execute();
    }
    await audit({
      action: 'update',
      recordType: 'user',
      recordId: id,
      details: { change: to === 'active' ? 'reactivated' : 'deactivated', sessionsEnded: ended },
    });
    return user;
  });
}

export const deactivateUser = (db: Database, ctx: RequestContext, id: string, version: number) =>
  changeStatus(db, ctx, id, version, 'deactivated');
export const reactivateUser = (db: Database, ctx: RequestContext, id: string, version: number) =>
  changeStatus(db, ctx, id, version, 'active');

export async function reissueInvitation(db: Database, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'staff:manage');
  refuseOwnCredentials(ctx, id);
  return withAudit(db, ctx, async (tx, audit) => {
    const user = await lockUser(tx, ctx, id);
    if (!user) throw notFound();
    refuseIntegration(user);
    if (user.status === 'deactivated') throw conflict('deactivated', 'Reactivate this staff member first.');
    const invitation = await issueInvitation(tx, id);
    await audit({ action: 'update', recordType: 'user', recordId: id, details: { change: 'set-password-link-issued' } });
    return invitation;
  });
}

export async function resetMfa(db: Database, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'staff:manage');
  refuseOwnCredentials(ctx, id);
  return withAudit(db, ctx, async (tx, audit) => changeMfaReset(tx, ctx, id, audit));
}

async function changeMfaReset(tx: Transaction<DB>, ctx: RequestContext, id: string, audit: Audit) {
  const user = await lockUser(tx, ctx, id);
  if (!user) throw notFound();
  refuseIntegration(user);
  const updated = await tx
    .updateTable('users')
    .set({
      ...NO_SECOND_FACTOR,
      ...nextVersion(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Their sessions were proven with the old factor; make them sign in (and enrol) again.
  const ended = await endUserSessions(tx, id, 'mfa-reset');
  await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', id).execute();
  if (user.email) await tx.deleteFrom('signInThrottle').where('email', '=', user.email).execute();
  await audit({ action: 'update', recordType: 'user', recordId: id, details: { change: 'mfa-reset', sessionsEnded: ended } });
  return updated;
}

// Invitations: opened by the invited person, who is not signed in. --------------------------------

async function findInvitation(db: Database | Transaction<DB>, token: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organizationId')
    .select([
      'users.id',
      'users.organizationId',
      'users.email',
      'users.displayName',
      'users.status',
      'users.invitationExpiresAt',
      'organizations.name as organizationName',
    ])
    .where('users.invitationTokenHash', '=', hashToken(token))
    .where('users.kind', '=', 'person')
    .where('users.invitationExpiresAt', '>', sql<Date>`now()`)
    .where('users.status', '!=', 'deactivated')
    .executeTakeFirst();
}

export async function viewInvitation(db: Database, token: string) {
  const invitation = await findInvitation(db, token);
  if (!invitation?.invitationExpiresAt || invitation.email === null) throw notFound();
  return {
    email: invitation.email,
    displayName: invitation.displayName,
    organizationName: invitation.organizationName,
    expiresAt: invitation.invitationExpiresAt.toISOString(),
    purpose: invitation.status === 'invited' ? ('invitation' as const) : ('reset' as const),
  };
}

export async function acceptInvitation(db: Database, token: string, password: string, meta: RequestMeta): Promise<void> {
  // Check the link before spending an argon2 hash on it.
  const known = await findInvitation(db, token);
  if (!known?.email) throw notFound();
  const weak = weakPasswordReason(password, known.email, known.displayName);
  if (weak) throw fieldError('/password', weak.code, weak.message);
  const passwordHash = await hashPassword(password, meta.ip);
  await db.transaction().execute(async (tx) => {
    const invitation = await findInvitation(tx, token);
    if (!invitation) throw notFound();
    await tx
      .updateTable('users')
      .set({
        passwordHash,
        passwordChangedAt: sql<Date>`now()`,
        status: 'active',
        invitationTokenHash: null,
        invitationExpiresAt: null,
        ...nextVersion(),
      })
      .where('id', '=', invitation.id)
      .execute();
    const ended = await endUserSessions(tx, invitation.id, 'password-changed');
    // A new password from an admin's link is also the way out of a lockout.
    if (invitation.email) await tx.deleteFrom('signInThrottle').where('email', '=', invitation.email).execute();
    await writeAudit(
      tx,
      { ...meta, organizationId: invitation.organizationId, actorUserId: invitation.id },
      {
        action: 'update',
        recordType: 'user',
        recordId: invitation.id,
        details: { change: invitation.status === 'invited' ? 'invitation-accepted' : 'password-reset', sessionsEnded: ended },
      },
    );
  });
}
