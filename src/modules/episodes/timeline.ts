import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { TimelineEntry, TimelineQuery, TimelineSource } from '../../lib/modules.ts';

interface EpisodeEventRow {
  at: Date;
  key: string;
  recordType: string;
  recordId: string;
  episodeId: string;
  actorId: string | null;
  code: string;
  params: Record<string, string | number | boolean | null>;
}

/**
 * A patient's episode events, each on the day it happened (the start of that day in the
 * organization's time zone: these are dated, not timed): admission, phase changes, levels of
 * care placed and ended, care-team members joining and leaving, handovers of the primary case
 * manager, discharge. Newest first, before the cursor, at most `limit`.
 */
export function episodeTimelineQuery(executor: Executor, timeZone: string, query: TimelineQuery) {
  const day = (column: string) => sql`(${sql.ref(column)}::timestamp AT TIME ZONE ${timeZone})`;
  const before = query.before
    ? sql`WHERE (ev.at, ev.key COLLATE "C") < (${query.before.at}::timestamptz, ${query.before.key} COLLATE "C")`
    : sql``;
  return sql<EpisodeEventRow>`
    SELECT * FROM (
      SELECT ${day('e.opened_on')} AS at, 'episode:' || e.id || ':admission' AS key, 'episode' AS record_type, e.id AS record_id,
             e.id AS episode_id, NULL::uuid AS actor_id, 'episode-admission' AS code,
             json_build_object('program', pr.name, 'referralSource', e.referral_source) AS params
        FROM episodes e JOIN programs pr ON pr.id = e.program_id WHERE e.patient_id = ${query.patientId}
      UNION ALL
      SELECT ${day('e.closed_on')}, 'episode:' || e.id || ':discharge', 'episode', e.id, e.id, NULL, 'episode-discharge',
             json_build_object('program', pr.name, 'closureReason', e.closure_reason)
        FROM episodes e JOIN programs pr ON pr.id = e.program_id WHERE e.patient_id = ${query.patientId} AND e.closed_on IS NOT NULL
      UNION ALL
      SELECT ${day('ph.started_on')}, 'episode:' || ph.episode_id || ':phase:' || ph.id, 'episode', ph.episode_id, ph.episode_id,
             ph.recorded_by, 'episode-phase', json_build_object('phase', ph.phase)
        FROM episode_phases ph WHERE ph.patient_id = ${query.patientId}
      UNION ALL
      SELECT ${day('pl.start_date')}, 'placement:' || pl.id || ':start', 'placement', pl.id, pl.episode_id, NULL, 'placement-start',
             json_build_object('edition', pl.level_edition, 'code', pl.level_code, 'provider', pl.provider_name)
        FROM placements pl WHERE pl.patient_id = ${query.patientId}
      UNION ALL
      SELECT ${day('pl.actual_end_date')}, 'placement:' || pl.id || ':end', 'placement', pl.id, pl.episode_id, NULL, 'placement-end',
             json_build_object('edition', pl.level_edition, 'code', pl.level_code, 'provider', pl.provider_name)
        FROM placements pl WHERE pl.patient_id = ${query.patientId} AND pl.actual_end_date IS NOT NULL
      UNION ALL
      -- A primary case manager who starts after another is a handover; anyone else joins the team.
      SELECT ${day('m.started_on')}, 'care-team-member:' || m.id || ':start', 'care-team-member', m.id, m.episode_id, m.recorded_by,
             CASE WHEN m.role = 'primary-case-manager' AND EXISTS (
                    SELECT 1 FROM care_team_members prev WHERE prev.episode_id = m.episode_id AND prev.role = 'primary-case-manager'
                       AND prev.id <> m.id AND prev.started_on <= m.started_on AND prev.created_at < m.created_at)
                  THEN 'care-team-handover' ELSE 'care-team-joined' END,
             json_build_object('role', m.role, 'name', coalesce(u.display_name, m.external_name))
        FROM care_team_members m LEFT JOIN users u ON u.id = m.user_id WHERE m.patient_id = ${query.patientId}
      UNION ALL
      SELECT ${day('m.ended_on')}, 'care-team-member:' || m.id || ':end', 'care-team-member', m.id, m.episode_id, NULL, 'care-team-left',
             json_build_object('role', m.role, 'name', coalesce(u.display_name, m.external_name))
        FROM care_team_members m LEFT JOIN users u ON u.id = m.user_id
       WHERE m.patient_id = ${query.patientId} AND m.ended_on IS NOT NULL AND m.role <> 'primary-case-manager'
    ) ev ${before}
    ORDER BY ev.at DESC, ev.key COLLATE "C" DESC
    LIMIT ${query.limit}`;
}

export const episodeTimeline: TimelineSource = {
  kinds: ['episode'],
  async load(executor, ctx, query): Promise<TimelineEntry[]> {
    const { rows } = await episodeTimelineQuery(executor, ctx.actor.timeZone, query).execute(executor);
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: 'episode',
      recordType: row.recordType,
      recordId: row.recordId,
      episodeId: row.episodeId,
      actorId: row.actorId,
      summary: { code: row.code, params: row.params },
    }));
  },
};
