import { sql } from 'kysely';
import type { TimelineEntry, TimelineSource } from '../../lib/modules.ts';

/**
 * A need's dated status changes on the patient's timeline (proposed by a screen, confirmed,
 * being addressed, met, dismissed…): each change is an entry, so the timeline tells the need's
 * story as it happened. Reads only; the timeline route checks access and audits.
 */
export const needsTimeline: TimelineSource = {
  kinds: ['need'],
  async load(executor, _ctx, query): Promise<TimelineEntry[]> {
    const at = sql<Date>`date_trunc('milliseconds', c.changed_at)`;
    const key = sql<string>`('need:' || c.need_id::text || ':' || c.id::text) COLLATE "C"`;
    let select = executor
      .selectFrom('needStatusChanges as c')
      .innerJoin('needs as n', 'n.id', 'c.needId')
      .select([at.as('at'), key.as('key'), 'n.id', 'n.episodeId', 'n.domain', 'c.fromStatus', 'c.toStatus', 'c.changedBy'])
      .where('c.patientId', '=', query.patientId);
    if (query.before) {
      const before = query.before;
      select = select
        .where('c.changedAt', '<', sql<Date>`${before.at}::timestamptz + INTERVAL '1 millisecond'`)
        .where(sql<boolean>`(${at}, ${key}) < (${before.at}::timestamptz, ${before.key} COLLATE "C")`);
    }
    const rows = await select
      .orderBy(sql`1 DESC, 2 DESC`)
      .limit(query.limit)
      .execute();
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: 'need',
      recordType: 'need',
      recordId: row.id,
      episodeId: row.episodeId,
      actorId: row.changedBy,
      // One code per status reached: `need-proposed`, `need-met`…
      summary: { code: `need-${row.toStatus}`, params: { domain: row.domain, status: row.toStatus, from: row.fromStatus } },
    }));
  },
};
