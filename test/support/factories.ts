import { randomBytes } from 'node:crypto';
import type { CaseManagementModel } from '../../src/codes.ts';
import type { Role } from '../../src/lib/access.ts';
import { hashPassword } from '../../src/lib/auth/passwords.ts';
import { newTotpSecret } from '../../src/lib/auth/totp.ts';
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
  const mfaSecret = options.mfa ? newTotpSecret() : null;
  const user = await db
    .insertInto('users')
    .values({
      id: newId(),
      organizationId,
      email: options.email ?? `staff-${unique()}@example.org`,
      displayName: options.displayName ?? `Staff ${unique()}`,
      roles: options.roles ?? ['case-manager'],
      status: options.status ?? 'active',
      passwordHash: options.status === 'invited' ? null : passwordHash,
      mfaSecret,
      mfaEnabledAt: mfaSecret ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, password, mfaSecret };
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
