import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';

/** An episode's assessments, newest first, each with the id of its correction if any. */
export function episodeAssessmentsQuery(executor: Executor, episodeId: string) {
  return executor
    .selectFrom('assessments as a')
    .selectAll('a')
    .select(sql<string | null>`(SELECT c.id FROM assessments c WHERE c.supersedes_id = a.id)`.as('correctionId'))
    .where('a.episodeId', '=', episodeId)
    .orderBy('a.startedAt', 'desc')
    .orderBy('a.id');
}
