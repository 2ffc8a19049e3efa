import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';
import type { Actor } from '../../lib/context.ts';
import { episodeVisibleTo, todayOf } from '../patients/access.ts';
import { noteReadableBy } from './sensitive.ts';
import { DEFAULT_CADENCE } from './codes.ts';

/**
 * A page of contacts (of a patient or of an episode), newest first, each with its staff member's
 * name; with `visibleTo`, only those not on an episode restricted against that reader.
 */
export function contactsQuery(
  executor: Executor,
  where: { patientId?: string; episodeId?: string; ids?: string[]; visibleTo?: Actor },
  limit: number,
) {
  let select = executor
    .selectFrom('contacts as c')
    .innerJoin('users as u', 'u.id', 'c.staffId')
    .selectAll('c')
    .select('u.displayName as staffName');
  if (where.patientId) select = select.where('c.patientId', '=', where.patientId);
  if (where.episodeId) select = select.where('c.episodeId', '=', where.episodeId);
  if (where.ids) select = select.where('c.id', 'in', where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']);
  if (where.visibleTo) {
    const episode = episodeVisibleTo(where.visibleTo, todayOf(where.visibleTo), 'c.episode_id');
    select = select.where(sql<boolean>`(c.episode_id IS NULL OR ${episode})`);
  }
  return select.orderBy('c.occurredAt', 'desc').orderBy('c.id', 'desc').limit(limit);
}

/**
 * The notes of some contacts, with their author's and co-signer's names, and whether `reader`
 * may read their text (a sensitive note, docs/restrictions.md): the text of one they may not is
 * blanked here, in the query, so no caller can hand it out by mistake. The co-signer's name is
 * looked up per note, not outer-joined: for the join, PostgreSQL judged one pass over the whole
 * staff table cheaper than a lookup per note, and read all of it into a hash on every patient
 * overview (docs/performance.md, "2 December 2026, morning").
 */
export function notesQuery(executor: Executor, reader: Actor) {
  const readable = noteReadableBy(reader, todayOf(reader), 'n');
  return executor
    .selectFrom('contactNotes as n')
    .innerJoin('users as a', 'a.id', 'n.authorId')
    .select([
      'n.id',
      'n.organizationId',
      'n.patientId',
      'n.contactId',
      'n.structure',
      'n.status',
      'n.authorId',
      'n.signedAt',
      'n.cosignedBy',
      'n.cosignedAt',
      'n.sensitive',
      'n.version',
      'n.createdAt',
      'n.updatedAt',
    ])
    .select(sql<unknown>`CASE WHEN ${readable} THEN n.sections ELSE '{}'::jsonb END`.as('sections'))
    .select(readable.as('readable'))
    .select('a.displayName as authorName')
    .select(sql<string | null>`(SELECT s.display_name FROM users s WHERE s.id = n.cosigned_by)`.as('cosignerName'));
}

export function addendaQuery(executor: Executor, noteIds: readonly string[]) {
  return executor
    .selectFrom('noteAddenda as d')
    .innerJoin('users as a', 'a.id', 'd.authorId')
    .selectAll('d')
    .select('a.displayName as authorName')
    .where('d.noteId', 'in', noteIds)
    .orderBy('d.createdAt');
}

/**
 * Recomputes the maintained contact columns of a patient's episodes: the last successful
 * contact, and the failed attempts since it. A contact counts for the episode it names, or,
 * naming none, for every episode of the patient open at the time.
 */
export async function refreshEpisodeContacts(executor: Executor, patientId: string): Promise<void> {
  await sql`
    UPDATE episodes e SET last_contact_at = s.last_at, unanswered_attempts = s.attempts, first_unanswered_at = s.first_attempt
      FROM episodes e2
      CROSS JOIN LATERAL (
        SELECT last.at AS last_at,
               (SELECT count(*) FROM contacts c WHERE ${countsFor('c', 'e2')} AND c.mode = 'attempted-not-reached'
                   AND (last.at IS NULL OR c.occurred_at > last.at))::int AS attempts,
               (SELECT min(c.occurred_at) FROM contacts c WHERE ${countsFor('c', 'e2')} AND c.mode = 'attempted-not-reached'
                   AND (last.at IS NULL OR c.occurred_at > last.at)) AS first_attempt
          FROM (SELECT max(c.occurred_at) AS at FROM contacts c
                 WHERE ${countsFor('c', 'e2')} AND c.mode <> 'attempted-not-reached') last
      ) s
     WHERE e.id = e2.id AND e2.patient_id = ${patientId}::uuid`.execute(executor);
}

function countsFor(c: string, e: string): RawBuilder<boolean> {
  const cc = (column: string) => sql.ref(`${c}.${column}`);
  const ee = (column: string) => sql.ref(`${e}.${column}`);
  return sql<boolean>`${cc('patient_id')} = ${ee('patient_id')} AND ${cc('entered_in_error_at')} IS NULL
    AND (${cc('episode_id')} = ${ee('id')} OR (${cc('episode_id')} IS NULL AND ${cc('occurred_at')} >= ${ee('opened_on')}
         AND (${ee('closed_on')} IS NULL OR ${cc('occurred_at')} < ${ee('closed_on')} + 1)))`;
}

/** The expected days between contacts for episode `e` in its current phase (null when closed). */
export function cadenceDaysSql(e: string, cadence: string): RawBuilder<number | null> {
  const ee = sql.ref(`${e}.phase`);
  const k = (column: string) => sql.ref(`${cadence}.${column}`);
  return sql<number | null>`CASE ${ee}
    WHEN 'outreach' THEN coalesce(${k('outreach_days')}, ${sql.lit(DEFAULT_CADENCE['outreach'])})
    WHEN 'intake' THEN coalesce(${k('intake_days')}, ${sql.lit(DEFAULT_CADENCE['intake'])})
    WHEN 'primary-treatment' THEN coalesce(${k('primary_treatment_days')}, ${sql.lit(DEFAULT_CADENCE['primary-treatment'])})
    WHEN 'continuing-care' THEN coalesce(${k('continuing_care_days')}, ${sql.lit(DEFAULT_CADENCE['continuing-care'])}) END`;
}

/** When the next contact is due: the last successful contact's day (in the organization's zone) or the admission, plus the cadence. */
export function nextDueSql(e: string, cadence: string, timeZone: string): RawBuilder<string | null> {
  const ee = (column: string) => sql.ref(`${e}.${column}`);
  return sql<string | null>`(coalesce((${ee('last_contact_at')} AT TIME ZONE ${timeZone})::date, ${ee('opened_on')})
    + ${cadenceDaysSql(e, cadence)})::text`;
}
