import { sql } from 'kysely';
import { Type } from 'typebox';
import type { OverviewSection } from '../../lib/modules.ts';
import { episodeVisibleTo, todayOf } from '../patients/access.ts';
import { presentTask, selectTasks } from './presenter.ts';
import { TaskSchema } from './schemas.ts';

/**
 * The patient's tasks on the overview, read inside its one audited read (one screen, one row):
 * every open task by due date, then the ten most recently closed. The whole list, paged, is
 * GET /api/patients/{id}/tasks.
 */
export const tasksSection: OverviewSection = {
  key: 'tasks',
  schema: Type.Array(TaskSchema),
  async load(executor, ctx, patientId) {
    // Not the tasks of an episode restricted against the reader (docs/restrictions.md).
    const visible = sql<boolean>`(t.episode_id IS NULL OR ${episodeVisibleTo(ctx.actor, todayOf(ctx.actor), 't.episode_id')})`;
    const open = await selectTasks(executor)
      .where('t.patientId', '=', patientId)
      .where(visible)
      .where('t.status', '=', 'open')
      .orderBy('t.dueOn')
      .orderBy('t.id')
      .limit(200)
      .execute();
    const closed = await selectTasks(executor)
      .where('t.patientId', '=', patientId)
      .where(visible)
      .where('t.status', '<>', 'open')
      .orderBy(sql`t.status_changed_at DESC`)
      .orderBy('t.id')
      .limit(10)
      .execute();
    return [...open, ...closed].map(presentTask);
  },
};
