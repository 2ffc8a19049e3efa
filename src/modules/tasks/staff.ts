import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { Actor } from '../../lib/context.ts';

/**
 * A supervisor's staff: the active people of the programs they supervise (the same programs
 * whose charts they see). Whose Today a supervisor may open, whose tasks they may move, and
 * whose own tasks (no patient) they see.
 */
export function staffOf(executor: Executor, actor: Actor) {
  return executor
    .selectFrom('users as u')
    .select(['u.id', 'u.displayName as name'])
    .where('u.organizationId', '=', actor.organizationId)
    .where('u.status', '=', 'active')
    .where('u.kind', '=', 'person')
    .where('u.id', '<>', actor.userId)
    .where(
      sql<boolean>`${sql.lit(actor.roles.includes('supervisor'))} AND EXISTS (
        SELECT 1 FROM program_memberships mine JOIN program_memberships theirs ON theirs.program_id = mine.program_id
         WHERE mine.user_id = ${actor.userId} AND theirs.user_id = u.id)`,
    )
    .orderBy('u.displayName')
    .orderBy('u.id');
}

export async function supervisesStaffMember(executor: Executor, actor: Actor, userId: string): Promise<boolean> {
  return (await staffOf(executor, actor).where('u.id', '=', userId).executeTakeFirst()) !== undefined;
}
