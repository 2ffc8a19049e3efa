import { randomBytes } from 'node:crypto';
import type { CaseManagementModel } from '../../src/codes.ts';
import type { INTEGRATION_ROLES } from '../../src/codes.ts';
import { MFA_REQUIRED_ROLES, type Role } from '../../src/lib/access.ts';
import { hashPassword } from '../../src/lib/auth/passwords.ts';
import { SecretBox } from '../../src/lib/auth/secret-key.ts';
import { newTotpSecret } from '../../src/lib/auth/totp.ts';
import { sealMfaSecret } from '../../src/modules/session/mfa-secrets.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { newId } from '../../src/lib/ids.ts';

/** Small builders of synthetic rows: each test makes exactly the world it needs. */
export const DEFAULT_PASSWORD = 'correct horse battery staple';
let defaultHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function makeOrganization(db: Database, overrides: { name?: string; timeZone?: string } = {}) {
  return db
    .insertInto('organizations')
    .values({ id: newId(), name: overrides.name ?? `Test Org ${unique()}`, timeZone: overrides.timeZone ?? 'America/Chicago' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeProgram(
  db: Database,
  organizationId: string,
  overrides: { name?: string; caseManagementModel?: CaseManagementModel } = {},
) {
  return db
    .insertInto('programs')
    .values({
      id: newId(),
      organizationId,
      name: overrides.name ?? `Program ${unique()}`,
      caseManagementModel: overrides.caseManagementModel ?? 'broker-generalist',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The secret key of every test app (startTestApp): factories seal TOTP secrets with it. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);
export const testSecrets = new SecretBox(TEST_SECRET_KEY);

/**
 * A person. Roles that must have a second factor (admins, supervisors, privacy officers) get
 * one unless `mfa: false` asks for a person who has not enrolled yet.
 */
export async function makeUser(
  db: Database,
  organizationId: string,
  options: {
    roles?: Role[];
    email?: string;
    password?: string;
    mfa?: boolean;
    status?: 'active' | 'invited' | 'deactivated';
    displayName?: string;
  } = {},
) {
  const password = options.password ?? DEFAULT_PASSWORD;
  const passwordHash = options.password ? await hashPassword(password) : await (defaultHash ??= hashPassword(DEFAULT_PASSWORD));
  const roles = options.roles ?? ['case-manager'];
  const mfa = options.mfa ?? roles.some((role) => (MFA_REQUIRED_ROLES as readonly Role[]).includes(role));
  const mfaSecret = mfa ? newTotpSecret() : null;
  const id = newId();
  const user = await db
    .insertInto('users')
    .values({
      id,
      organizationId,
      email: options.email ?? `staff-${unique()}@example.org`,
      displayName: options.displayName ?? `Staff ${unique()}`,
      roles,
      status: options.status ?? 'active',
      passwordHash: options.status === 'invited' ? null : passwordHash,
      mfaSecret: mfaSecret ? sealMfaSecret(testSecrets, 'mfaSecret', id, mfaSecret) : null,
      mfaEnabledAt: mfaSecret ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user: { ...user, email: user.email ?? '' }, password, mfaSecret };
}

/** An integration account (what API keys act as): no email, password or second factor. */
export async function makeIntegration(
  db: Database,
  organizationId: string,
  options: { roles?: (typeof INTEGRATION_ROLES)[number][]; displayName?: string; programIds?: string[] } = {},
) {
  const user = await db
    .insertInto('users')
    .values({
      id: newId(),
      organizationId,
      kind: 'integration',
      email: null,
      displayName: options.displayName ?? `Integration ${unique()}`,
      roles: options.roles ?? ['case-manager'],
      status: 'active',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const programId of options.programIds ?? []) await addMembership(db, organizationId, programId, user.id);
  return user;
}

/** A patient registered by `createdBy`, with an open episode in `programId` (no team unless given). */
export async function makePatient(
  db: Database,
  organizationId: string,
  createdBy: string,
  overrides: { legalFirstName?: string; legalLastName?: string; dateOfBirth?: string } = {},
) {
  return db
    .insertInto('patients')
    .values({
      id: newId(),
      organizationId,
      createdBy,
      legalFirstName: overrides.legalFirstName ?? `Pat${unique()}`,
      legalLastName: overrides.legalLastName ?? `Synthetic${unique()}`,
      dateOfBirth: overrides.dateOfBirth ?? '1985-06-15',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addMembership(db: Database, organizationId: string, programId: string, userId: string): Promise<void> {
  await db.insertInto('programMemberships').values({ organizationId, programId, userId }).execute();
}

/**
 * Gives a signed-in person a second factor without spending a code, so a test can then use
 * the current code, as someone at their desk would (a sign-in with it would use up this step).
 */
export async function addSecondFactor(db: Database, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db
    .updateTable('users')
    .set({ mfaSecret: sealMfaSecret(testSecrets, 'mfaSecret', userId, secret), mfaEnabledAt: new Date() })
    .where('id', '=', userId)
    .execute();
  return secret;
}
