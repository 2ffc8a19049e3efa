import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';

/**
 * A person's security events: changes to how they sign in, read from the audit trail (rows
 * about their account whose `details.change` is one of these). Shown to them so that a change
 * they did not make (a second factor replaced, a set-password link issued) does not go unseen.
 */
const EVENT_OF_CHANGE = {
  'mfa-enrolled': 'mfa-enrolled',
  'mfa-replaced': 'mfa-replaced',
  'mfa-reset': 'mfa-reset',
  'access-reset-on-server': 'access-reset-on-server',
  password: 'password-changed',
  'password-reset': 'password-reset',
  'recovery-code-used': 'recovery-code-used',
  'recovery-codes-regenerated': 'recovery-codes-regenerated',
  'set-password-link-issued': 'set-password-link-issued',
} as const;
const SECURITY_EVENT_TYPES = [...new Set(Object.values(EVENT_OF_CHANGE))];
const CHANGES = Object.keys(EVENT_OF_CHANGE);

export const SecurityEvent = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.Enum(SECURITY_EVENT_TYPES),
  occurredAt: Type.String({ format: 'date-time' }),
  byMe: Type.Boolean({
    description: 'Done by this person (false: by an admin, from the server, or by someone else with their credentials)',
  }),
  byDisplayName: Type.Union([Type.String(), Type.Null()], { description: 'Who did it, when it was another staff member' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});
type SecurityEvent = Static<typeof SecurityEvent>;

const isSecurityEvent = (userId: string) =>
  sql<boolean>`(a.record_type = 'user' AND a.record_id = ${userId}::uuid AND a.details->>'change' = ANY(${CHANGES}::text[]))`;

/** The person's 50 most recent security events, newest first. */
export async function listSecurityEvents(db: Database, ctx: RequestContext): Promise<SecurityEvent[]> {
  const rows = await db
    .selectFrom('auditEvents as a')
    .leftJoin('users as u', 'u.id', 'a.actorUserId')
    .select(['a.id', 'a.occurredAt', 'a.actorUserId', 'a.ip', 'a.userAgent', 'a.details', 'u.displayName'])
    .where(isSecurityEvent(ctx.actor.userId))
    .where('a.organizationId', '=', ctx.actor.organizationId)
    .orderBy('a.seq', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => {
    const change = String(row.details.change) as keyof typeof EVENT_OF_CHANGE;
    const byMe = row.actorUserId === ctx.actor.userId;
    return {
      id: row.id,
      type: EVENT_OF_CHANGE[change],
      occurredAt: row.occurredAt.toISOString(),
      byMe,
      byDisplayName: byMe ? null : (row.displayName ?? null),
      ip: row.ip,
      userAgent: row.userAgent,
    };
  });
}

/** How many security events the account had after `since` (the sign-in before this one). */
export async function countSecurityEventsSince(executor: Executor, userId: string, since: Date | null): Promise<number> {
  if (since === null) return 0;
  const row = await executor
    .selectFrom('auditEvents as a')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(isSecurityEvent(userId))
    .where('a.occurredAt', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
