import { sql } from 'kysely';
import { writeAudit } from '../../lib/audit/audit.ts';
import { hashPassword, weakPasswordReason } from '../../lib/auth/passwords.ts';
import type { RequestMeta } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { conflict, fieldError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertTimeZone, normalizeEmail } from '../../lib/locales.ts';
import type { SetupBody } from './schemas.ts';

const SETUP_LOCK_KEY = 4_242_003;

export async function isSetUp(db: Database): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').where('isDemo', '=', false).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * First run: the first organization and its admin. Refused once any organization exists, so
 * a second call (or a second instance racing the first) changes nothing. There is never a
 * default password: the admin chooses one here.
 */
export async function setUpOrganization(db: Database, input: SetupBody, meta: RequestMeta) {
  assertTimeZone(input.timeZone, '/timeZone');
  const weak = weakPasswordReason(input.adminPassword, input.adminEmail);
  if (weak) throw fieldError('/adminPassword', weak.code, weak.message);
  const passwordHash = await hashPassword(input.adminPassword);
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
    return { organization, admin };
  });
}
