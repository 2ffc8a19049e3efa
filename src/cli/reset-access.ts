import { nextVersion } from '../lib/db/versions.ts';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { writeAudit } from '../lib/audit/audit.ts';
import { endUserSessions } from '../lib/auth/sessions.ts';
import { hashToken, newToken } from '../lib/auth/tokens.ts';
import type { Config } from '../lib/config.ts';
import type { Database } from '../lib/db/database.ts';
import { newId } from '../lib/ids.ts';
import { normalizeEmail } from '../lib/locales.ts';
import { NO_SECOND_FACTOR } from '../modules/staff/service.ts';

const accountsOf = (db: Database) =>
  db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organizationId')
    .select(['users.id', 'organizations.name as organizationName'])
    .limit(10);

/**
 * `bridgeway reset-access --email <email>`: the way back in for someone no admin can help (the
 * only admin lost their phone, forgot their password, or was locked out). Whoever can run
 * commands on the server already holds the database; this gives them nothing more. Clears the
 * lockout and the second factor, ends the person's sessions and prints a one-time set-password
 * link. Audited.
 */
export async function resetAccessCommand(db: Database, config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, organization: { type: 'string' } } });
  if (!values.email) {
    console.error('usage: bridgeway reset-access --email <email> [--organization <name>]');
    return 64;
  }
  const email = normalizeEmail(values.email);
  const token = newToken();
  // An email is unique within an organization; when several have it, the operator names one.
  let query = accountsOf(db).where('users.email', '=', email).where('users.kind', '=', 'person');
  if (values.organization) query = query.where('organizations.name', '=', values.organization);
  const matches = await query.execute();
  if (matches.length > 1) {
    console.error(
      `${matches.length} organizations have a staff account with ${email}; add --organization with one of: ${matches.map((m) => `"${m.organizationName}"`).join(', ')}`,
    );
    return 1;
  }
  const match = matches[0];
  const done = await db.transaction().execute(async (tx) => {
    if (!match) return null;
    const user = await tx
      .selectFrom('users')
      .select(['id', 'organizationId', 'status', 'displayName'])
      .where('id', '=', match.id)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return null;
    await tx
      .updateTable('users')
      .set({
        ...NO_SECOND_FACTOR,
        invitationTokenHash: hashToken(token),
        invitationExpiresAt: sql<Date>`now() + interval '1 day'`,
        ...nextVersion(),
      })
      .where('id', '=', user.id)
      .execute();
    await tx.deleteFrom('signInThrottle').where('email', '=', email).execute();
    await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', user.id).execute();
    const ended = await endUserSessions(tx, user.id, 'mfa-reset');
    await writeAudit(
      tx,
      {
        requestId: `cli-${newId()}`,
        ip: null,
        userAgent: 'bridgeway reset-access',
        organizationId: user.organizationId,
        actorUserId: null,
      },
      { action: 'update', recordType: 'user', recordId: user.id, details: { change: 'access-reset-on-server', sessionsEnded: ended } },
    );
    return user;
  });
  if (!done) {
    console.error(
      `No staff account has the email ${email}${values.organization ? ` in "${values.organization}"` : ''}; nothing was changed.`,
    );
    return 1;
  }
  if (done.status === 'deactivated') console.log('Note: this account is deactivated; an admin must reactivate it before it can sign in.');
  const origin = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  console.log(`Reset sign-in for ${done.displayName}: the lockout and the second factor are cleared and their sessions ended.`);
  console.log(`Open this link within 24 hours to choose a new password (it works once):\n${origin}/invitations/${token}`);
  return 0;
}
