import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { todayIn } from '../../lib/dates.ts';
import type { TodayItem, TodayQuery, TodaySource } from '../../lib/modules.ts';
import { episodeVisibleTo, patientVisibleTo } from '../patients/access.ts';
import { TodayTaskSchema } from './schemas.ts';

/** At most this many tasks per person on Today: a list longer than that is a conversation with a supervisor. */
const TODAY_LIMIT = 200;

/**
 * The open tasks of these staff members due today or earlier (the organization's day), of
 * patients the reader may see, or with no patient. Most overdue and most urgent first.
 */
export function todayTasksQuery(executor: Executor, ctx: RequestContext, query: TodayQuery) {
  const today = todayIn(query.timeZone, query.now);
  return executor
    .selectFrom('tasks as t')
    .leftJoin('patients as p', 'p.id', 't.patientId')
    .select([
      't.id',
      't.title',
      't.patientId',
      sql<
        string | null
      >`CASE WHEN p.id IS NULL THEN NULL ELSE coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name END`.as(
        'patientName',
      ),
      't.episodeId',
      sql<string>`t.assignee_user_id`.as('staffId'),
      't.dueOn',
      't.priority',
      sql<number>`(${today}::date - t.due_on)`.as('daysOverdue'),
      't.version',
    ])
    .where('t.organizationId', '=', ctx.actor.organizationId)
    .where('t.assigneeUserId', 'in', query.staffIds)
    .where('t.status', '=', 'open')
    .where('t.dueOn', '<=', today)
    .where((w) => w.or([w('t.patientId', 'is', null), patientVisibleTo(ctx.actor)]))
    .where(sql<boolean>`(t.episode_id IS NULL OR ${episodeVisibleTo(ctx.actor, today, 't.episode_id')})`)
    .orderBy('t.dueOn')
    .orderBy(sql`array_position(ARRAY['urgent', 'high', 'normal', 'low'], t.priority)`)
    .orderBy('t.id')
    .limit(TODAY_LIMIT * query.staffIds.length);
}

export const todayTasks: TodaySource = {
  key: 'tasks',
  item: TodayTaskSchema,
  async load(executor, ctx, query): Promise<TodayItem[]> {
    if (query.staffIds.length === 0) return [];
    return todayTasksQuery(executor, ctx, query).execute();
  },
};
