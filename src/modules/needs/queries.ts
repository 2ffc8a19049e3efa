import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';

/**
 * An episode's needs: proposals waiting for staff first, then open needs by urgency, then the
 * resolved, and dismissed proposals last (kept: a reviewer may ask why a positive screen led nowhere).
 */
export function episodeNeedsQuery(executor: Executor, episodeId: string) {
  return executor
    .selectFrom('needs')
    .selectAll()
    .where('episodeId', '=', episodeId)
    .orderBy(
      sql`CASE status WHEN 'proposed' THEN 0 WHEN 'identified' THEN 1 WHEN 'being-addressed' THEN 1 WHEN 'dismissed' THEN 3 ELSE 2 END`,
    )
    .orderBy(sql`CASE urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END`)
    .orderBy('createdAt')
    .orderBy('id')
    .limit(500);
}

/** The dated history of some needs, oldest first, with who made each change. */
export function needHistoryQuery(executor: Executor, needIds: readonly string[]) {
  return executor
    .selectFrom('needStatusChanges as c')
    .leftJoin('users as u', 'u.id', 'c.changedBy')
    .select(['c.needId', 'c.fromStatus', 'c.toStatus', 'c.note', 'c.changedBy', 'u.displayName as changedByName', 'c.changedAt'])
    .where('c.needId', 'in', needIds)
    .orderBy('c.changedAt')
    .orderBy('c.id');
}
