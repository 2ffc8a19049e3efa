import { sql } from 'kysely';
import type { TimelineEntry, TimelineSource } from '../../lib/modules.ts';

/** Completed ASAM reviews (and those later corrected) on the patient's timeline, with the level chosen. */
export const asamTimeline: TimelineSource = {
  kinds: ['asam-review'],
  async load(executor, _ctx, query): Promise<TimelineEntry[]> {
    const at = sql<Date>`date_trunc('milliseconds', r.completed_at)`;
    const key = sql<string>`('asam-review:' || r.id::text) COLLATE "C"`;
    let select = executor
      .selectFrom('asamReviews as r')
      .select([
        at.as('at'),
        key.as('key'),
        'r.id',
        'r.episodeId',
        'r.edition',
        'r.chosenLevel',
        'r.indicatedLevel',
        'r.status',
        'r.reviewedBy',
      ])
      .where('r.patientId', '=', query.patientId)
      .where('r.status', 'in', ['completed', 'superseded']);
    if (query.before) {
      const before = query.before;
      select = select
        .where('r.completedAt', '<', sql<Date>`${before.at}::timestamptz + INTERVAL '1 millisecond'`)
        .where(sql<boolean>`(${at}, ${key}) < (${before.at}::timestamptz, ${before.key} COLLATE "C")`);
    }
    const rows = await select
      .orderBy(sql`1 DESC, 2 DESC`)
      .limit(query.limit)
      .execute();
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: 'asam-review',
      recordType: 'asam-review',
      recordId: row.id,
      episodeId: row.episodeId,
      actorId: row.reviewedBy,
      summary: {
        code: row.status === 'superseded' ? 'asam-review-corrected' : 'asam-review-completed',
        // `edition` and `code` name the level chosen, as placements' entries do.
        params: { edition: row.edition, code: row.chosenLevel, differs: row.chosenLevel !== row.indicatedLevel },
      },
    }));
  },
};
