import type { Executor } from '../../lib/audit/audit.ts';

/** An episode's ASAM reviews, newest first, each with the id of its correction if any. */
export function episodeReviewsQuery(executor: Executor, episodeId: string) {
  return executor
    .selectFrom('asamReviews as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('asamReviews as c').select('c.id').whereRef('c.supersedesId', '=', 'r.id').as('correctionId'))
    .where('r.episodeId', '=', episodeId)
    .orderBy('r.startedAt', 'desc')
    .orderBy('r.id');
}
