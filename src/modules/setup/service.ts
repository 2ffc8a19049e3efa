import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { writeAudit } from '../../lib/audit/audit.ts';
import { hashPassword, weakPasswordReason } from '../../lib/auth/passwords.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import type { RequestMeta } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { conflict, fieldError, forbidden } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertTimeZone, normalizeEmail } from '../../lib/locales.ts';
import type { SetupBody } from './schemas.ts';

const SETUP_LOCK_KEY = 4_242_003;

/** A server bound to this machine only is set up by whoever sits at it; any other needs the code. */
export const setupCodeRequired = (host: string): boolean => !['127.0.0.1', '::1', 'localhost'].includes(host.toLowerCase());

/**
 * The one-time setup code: derived from the secret key, so every instance sharing the key
 * prints the same one and it survives a restart; useless once setup is done. 48 bits, and the
 * setup route is rate limited per address.
 */
export function setupCodeOf(secrets: SecretBox): string {
  const hex = secrets.keyedHash('setup-code', 'bridgeway').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

function checkSetupCode(secrets: SecretBox, given: string | undefined): void {
  const clean = (given ?? '').toUpperCase().replace(/[^0-9A-F]/g, '');
  const expected = setupCodeOf(secrets).replace(/-/g, '');
  if (clean.length !== expected.length || !timingSafeEqual(Buffer.from(clean), Buffer.from(expected)))
    throw forbidden('wrong-setup-code', 'Enter the setup code printed in the server’s log when it started.');
}

export async function isSetUp(db: Database): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').where('isDemo', '=', false).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * First run: the first organization and its admin. Refused once any organization exists, so
 * a second call (or a second instance racing the first) changes nothing. There is never a
 * default password: the admin chooses one here.
 */
export async function setUpOrganization(db: Database, input: SetupBody, meta: RequestMeta, codeFrom: SecretBox | null) {
  if (codeFrom) checkSetupCode(codeFrom, input.setupCode);
  assertTimeZone(input.timeZone, '/timeZone');
  const weak = weakPasswordReason(input.adminPassword, input.adminEmail, input.adminName);
  if (weak) throw fieldError('/adminPassword', weak.code, weak.message);
  const passwordHash = await hashPassword(input.adminPassword, meta.ip);
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(tx);
    const existing = await tx.selectFrom('organizations').select('id').where('isDemo', '=', false).limit(1).executeTakeFirst();
    if (existing) throw conflict('already-set-up', 'Bridgeway is already set up; sign in instead.');
    const locale = input.locale ?? 'en';
    const organization = await tx
      .insertInto('organizations')
      .values({ id: newId(), name: input.organizationName.trim(), timeZone: input.timeZone, defaultLocale: locale })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const admin = await tx
      .insertInto('users')
      .values({
        id: newId(),
        organizationId: organization.id,
        email: normalizeEmail(input.adminEmail),
        displayName: input.adminName.trim(),
        roles: ['admin'],
        status: 'active',
        locale,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    const auditMeta = { ...meta, organizationId: organization.id, actorUserId: null };
    await writeAudit(tx, auditMeta, { action: 'create', recordType: 'organization', recordId: organization.id, details: { via: 'setup' } });
    await writeAudit(tx, auditMeta, {
      action: 'create',
      recordType: 'user',
      recordId: admin.id,
      details: { via: 'setup', roles: ['admin'] },
    });
    return { organization, admin: { id: admin.id, email: normalizeEmail(input.adminEmail) } };
  });
}
