import { sql } from 'kysely';
import type { TimelineEntry, TimelineSource } from '../../lib/modules.ts';

interface Row {
  at: Date;
  key: string;
  kind: 'consent' | 'disclosure';
  // Column names come back camel-cased (the database's CamelCasePlugin).
  recordId: string;
  actorId: string | null;
  code: string;
  recipient: string;
  consentKind: string | null;
  endedOn: string | null;
}

/**
 * A patient's consents and disclosures on their timeline: a consent recorded (or a refusal to
 * sign), a consent revoked or ended by its event, each disclosure (a medical emergency's
 * marked). A consent's end is placed when it was recorded (`updated_at`: an ended consent is
 * never changed again) and names the day it took effect.
 */
export const consentTimeline: TimelineSource = {
  kinds: ['consent', 'disclosure'],
  async load(executor, _ctx, query): Promise<TimelineEntry[]> {
    const wanted = (kind: string) => query.kinds.includes(kind);
    // Each part names its columns: any of them may come first in the union.
    const parts = [];
    if (wanted('consent')) {
      parts.push(sql`
        SELECT date_trunc('milliseconds', c.created_at) AS at, 'consent:' || c.id || ':recorded' AS key, 'consent' AS kind,
               c.id AS record_id, c.recorded_by AS actor_id,
               CASE WHEN c.signature_method = 'refused' THEN 'consent-refused' ELSE 'consent-recorded' END AS code,
               c.recipient_name AS recipient, c.kind AS consent_kind, NULL::text AS ended_on
          FROM consents c WHERE c.patient_id = ${query.patientId}
        UNION ALL
        SELECT date_trunc('milliseconds', c.updated_at), 'consent:' || c.id || ':ended', 'consent', c.id, c.ended_by,
               CASE WHEN c.end_reason = 'revoked' THEN 'consent-revoked' ELSE 'consent-ended' END,
               c.recipient_name, c.kind, c.ended_on::text
          FROM consents c WHERE c.patient_id = ${query.patientId} AND c.ended_on IS NOT NULL`);
    }
    if (wanted('disclosure')) {
      parts.push(sql`
        SELECT date_trunc('milliseconds', d.disclosed_at) AS at, 'disclosure:' || d.id AS key, 'disclosure' AS kind,
               d.id AS record_id, d.disclosed_by AS actor_id,
               CASE WHEN d.basis = 'medical-emergency' THEN 'disclosure-emergency' ELSE 'disclosure' END AS code,
               d.recipient_name AS recipient, NULL::text AS consent_kind, NULL::text AS ended_on
          FROM disclosures d WHERE d.patient_id = ${query.patientId}`);
    }
    if (parts.length === 0) return [];
    const before = query.before
      ? sql`WHERE (ev.at, ev.key COLLATE "C") < (${query.before.at}::timestamptz, ${query.before.key} COLLATE "C")`
      : sql``;
    const { rows } = await sql<Row>`
      SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) ev ${before}
       ORDER BY ev.at DESC, ev.key COLLATE "C" DESC
       LIMIT ${query.limit}`.execute(executor);
    return rows.map((row) => ({
      at: row.at,
      key: row.key,
      kind: row.kind,
      recordType: row.kind,
      recordId: row.recordId,
      episodeId: null,
      actorId: row.actorId,
      summary: {
        code: row.code,
        params: {
          recipient: row.recipient,
          ...(row.consentKind === null ? {} : { consentKind: row.consentKind }),
          ...(row.endedOn === null ? {} : { endedOn: row.endedOn }),
        },
      },
    }));
  },
};
