import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { TimelineEntry, TimelineQuery, TimelineSource } from '../../lib/modules.ts';

/**
 * A patient's task events, newest first, strictly before the cursor. Times are cut to the
 * millisecond (what the cursor carries) so that paging neither skips nor repeats an entry.
 */
export function taskTimelineQuery(executor: Executor, query: TimelineQuery) {
  const at = sql<Date>`date_trunc('milliseconds', e.at)`;
  const key = sql<string>`('task:' || e.task_id::text || ':' || e.id::text) COLLATE "C"`;
  let select = executor
    .selectFrom('taskEvents as e')
    .innerJoin('tasks as t', 't.id', 'e.taskId')
    .select([
      at.as('at'),
      key.as('key'),
      'e.taskId',
      'e.event',
      'e.actorId',
      'e.toUserId',
      't.episodeId',
      't.title',
      't.dueOn',
      sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = e.to_user_id)`.as('toName'),
    ])
    .where('e.patientId', '=', query.patientId);
  if (query.before) {
    const before = query.before;
    select = select
      .where('e.at', '<', sql<Date>`${before.at}::timestamptz + INTERVAL '1 millisecond'`)
      .where(sql<boolean>`(${at}, ${key}) < (${before.at}::timestamptz, ${before.key} COLLATE "C")`);
  }
  return select.orderBy(sql`1 DESC, 2 DESC`).limit(query.limit);
}

export const taskTimeline: TimelineSource = {
  kinds: ['task'],
  async load(executor, _ctx, query): Promise<TimelineEntry[]> {
    const rows = await taskTimelineQuery(executor, query).execute();
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: 'task',
      recordType: 'task',
      recordId: row.taskId,
      episodeId: row.episodeId,
      actorId: row.actorId,
      summary: {
        code: `task-${row.event}`,
        params: { title: row.title, dueOn: row.dueOn, toName: row.toName, toPatient: row.event === 'reassigned' && row.toUserId === null },
      },
    }));
  },
};
