import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { TimelineEntry, TimelineQuery, TimelineSource } from '../../lib/modules.ts';

/** A patient's completed assessments (and those later corrected), with score and band; newest first before the cursor. */
export function assessmentTimelineQuery(executor: Executor, query: TimelineQuery) {
  const at = sql<Date>`date_trunc('milliseconds', a.completed_at)`;
  const key = sql<string>`('assessment:' || a.id::text) COLLATE "C"`;
  let select = executor
    .selectFrom('assessments as a')
    .select([
      at.as('at'),
      key.as('key'),
      'a.id',
      'a.episodeId',
      'a.administeredBy',
      'a.instrumentKey',
      'a.status',
      sql<number | null>`(a.result ->> 'total')::numeric`.as('total'),
      sql<string | null>`a.result ->> 'band'`.as('band'),
      sql<boolean>`coalesce((a.result ->> 'positive')::boolean, false)`.as('positive'),
    ])
    .where('a.patientId', '=', query.patientId)
    .where('a.status', 'in', ['completed', 'superseded']);
  if (query.before) {
    const before = query.before;
    select = select
      .where('a.completedAt', '<', sql<Date>`${before.at}::timestamptz + INTERVAL '1 millisecond'`)
      .where(sql<boolean>`(${at}, ${key}) < (${before.at}::timestamptz, ${before.key} COLLATE "C")`);
  }
  return select.orderBy(sql`1 DESC, 2 DESC`).limit(query.limit);
}

export const assessmentTimeline: TimelineSource = {
  kinds: ['assessment'],
  async load(executor, _ctx, query): Promise<TimelineEntry[]> {
    const rows = await assessmentTimelineQuery(executor, query).execute();
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: 'assessment',
      recordType: 'assessment',
      recordId: row.id,
      episodeId: row.episodeId,
      actorId: row.administeredBy,
      summary: {
        code: row.status === 'superseded' ? 'assessment-corrected' : 'assessment-completed',
        params: {
          instrument: row.instrumentKey,
          total: row.total === null ? null : Number(row.total),
          band: row.band,
          positive: row.positive,
        },
      },
    }));
  },
};
