import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { todayIn } from '../../lib/dates.ts';
import { Instant, Nullable, Uuid } from '../../lib/http/schemas.ts';
import type { TimelineEntry, TimelineQuery, TodayItem, TodayQuery } from '../../lib/modules.ts';
import { episodeVisibleTo, patientVisibleTo } from '../patients/access.ts';
import { nextDueSql } from './queries.ts';

/**
 * What the contacts module gives the patient timeline and the Today worklist (src/lib/modules.ts):
 * reads only; the composing routes check access and audit.
 */
const before = (at: string, key: string, query: TimelineQuery) =>
  query.before
    ? sql<boolean>`(${sql.ref(at)}, ${sql.ref(key)}) < (${query.before.at}::timestamptz, ${query.before.key})`
    : sql<boolean>`true`;

export async function loadTimeline(executor: Executor, _ctx: RequestContext, query: TimelineQuery): Promise<TimelineEntry[]> {
  const parts = [];
  if (query.kinds.includes('contact'))
    parts.push(sql`SELECT c.occurred_at AS at, 'contact:' || c.id AS key, 'contact' AS kind, 'contact' AS record_type, c.id AS record_id,
                          c.episode_id, c.staff_id AS actor_id, 'contact-logged' AS code,
                          json_build_object('mode', c.mode, 'minutes', c.duration_minutes, 'enteredInError', c.entered_in_error_at IS NOT NULL) AS params
                     FROM contacts c WHERE c.patient_id = ${query.patientId}::uuid`);
  // A note's entries link to its contact: the note is read and signed on the contact's page.
  if (query.kinds.includes('note'))
    parts.push(sql`SELECT n.signed_at, 'note:' || n.id || ':signed', 'note', 'contact', c.id, c.episode_id, n.author_id, 'note-signed',
                          json_build_object('structure', n.structure)
                     FROM contact_notes n JOIN contacts c ON c.id = n.contact_id
                    WHERE n.patient_id = ${query.patientId}::uuid AND n.signed_at IS NOT NULL
                   UNION ALL
                   SELECT n.cosigned_at, 'note:' || n.id || ':cosigned', 'note', 'contact', c.id, c.episode_id, n.cosigned_by, 'note-cosigned',
                          json_build_object('structure', n.structure)
                     FROM contact_notes n JOIN contacts c ON c.id = n.contact_id
                    WHERE n.patient_id = ${query.patientId}::uuid AND n.cosigned_at IS NOT NULL
                   UNION ALL
                   SELECT d.created_at, 'note:' || d.note_id || ':addendum:' || d.id, 'note', 'contact', c.id, c.episode_id, d.author_id,
                          'note-addendum', json_build_object('structure', n.structure)
                     FROM note_addenda d JOIN contact_notes n ON n.id = d.note_id JOIN contacts c ON c.id = n.contact_id
                    WHERE d.patient_id = ${query.patientId}::uuid`);
  if (parts.length === 0) return [];
  const rows = await sql<{
    at: Date;
    key: string;
    kind: string;
    recordType: string;
    recordId: string;
    episodeId: string | null;
    actorId: string | null;
    code: string;
    params: Record<string, string | number | boolean | null>;
  }>`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) t
      WHERE ${before('t.at', 't.key', query)}
      ORDER BY t.at DESC, t.key DESC LIMIT ${query.limit}`.execute(executor);
  return rows.rows.map((row) => ({
    at: row.at,
    key: row.key,
    kind: row.kind,
    recordType: row.recordType,
    recordId: row.recordId,
    episodeId: row.episodeId,
    actorId: row.actorId,
    summary: { code: row.code, params: row.params },
  }));
}

export const TodayContactItem = Type.Object({
  kind: Type.Union([Type.Literal('contact-due'), Type.Literal('unsigned-draft')]),
  patientId: Uuid,
  staffId: Uuid,
  patientName: Type.String(),
  episodeId: Nullable(Uuid),
  /** contact-due: the last successful contact, failed attempts since, and the day it was due. */
  lastContactAt: Nullable(Instant),
  unansweredAttempts: Type.Integer(),
  firstUnansweredAt: Nullable(Instant),
  nextDueOn: Nullable(Type.String({ format: 'date' })),
  /** unsigned-draft: the note and its contact. */
  noteId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  occurredAt: Nullable(Instant),
});

const patientName = sql<string>`coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name`;

/**
 * Open episodes whose primary case manager is one of the staff, due today or overdue (oldest
 * due first), and the staff's unsigned drafts (oldest first).
 */
export async function loadToday(executor: Executor, ctx: RequestContext, query: TodayQuery): Promise<TodayItem[]> {
  if (query.staffIds.length === 0) return [];
  const today = todayIn(query.timeZone);
  const due = await executor
    .selectFrom('careTeamMembers as m')
    .innerJoin('episodes as e', 'e.id', 'm.episodeId')
    .innerJoin('patients as p', 'p.id', 'e.patientId')
    .leftJoin('programContactCadences as k', 'k.programId', 'e.programId')
    .select(['e.patientId', 'm.userId as staffId', 'e.id as episodeId', 'e.lastContactAt', 'e.unansweredAttempts', 'e.firstUnansweredAt'])
    .select(patientName.as('patientName'))
    .select(nextDueSql('e', 'k', query.timeZone).as('nextDueOn'))
    .where('m.userId', 'in', query.staffIds)
    .where('m.role', '=', 'primary-case-manager')
    .where('m.startedOn', '<=', today)
    .where((w) => w.or([w('m.endedOn', 'is', null), w('m.endedOn', '>', today)]))
    .where('e.closedOn', 'is', null)
    .where(sql<boolean>`${nextDueSql('e', 'k', query.timeZone)}::date <= ${today}::date`)
    .where(patientVisibleTo(ctx.actor, today, 'p'))
    .where(episodeVisibleTo(ctx.actor, today, 'e.id'))
    .orderBy('nextDueOn')
    .limit(500)
    .$narrowType<{ staffId: string }>() // the query asks for these staff
    .execute();
  const drafts = await executor
    .selectFrom('contactNotes as n')
    .innerJoin('contacts as c', 'c.id', 'n.contactId')
    .innerJoin('patients as p', 'p.id', 'n.patientId')
    .select(['n.patientId', 'n.authorId as staffId', 'c.episodeId', 'n.id as noteId', 'c.id as contactId', 'c.occurredAt'])
    .select(patientName.as('patientName'))
    .where('n.authorId', 'in', query.staffIds)
    .where('n.status', '=', 'draft')
    .where('c.enteredInErrorAt', 'is', null)
    .where(patientVisibleTo(ctx.actor, today, 'p'))
    .where(sql<boolean>`(c.episode_id IS NULL OR ${episodeVisibleTo(ctx.actor, today, 'c.episode_id')})`)
    .orderBy('c.occurredAt')
    .limit(500)
    .execute();
  return [
    ...due.map((row) => ({
      kind: 'contact-due' as const,
      ...row,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      firstUnansweredAt: row.firstUnansweredAt?.toISOString() ?? null,
      noteId: null,
      contactId: null,
      occurredAt: null,
    })),
    ...drafts.map((row) => ({
      kind: 'unsigned-draft' as const,
      ...row,
      occurredAt: row.occurredAt.toISOString(),
      lastContactAt: null,
      unansweredAttempts: 0,
      firstUnansweredAt: null,
      nextDueOn: null,
    })),
  ];
}
