import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../lib/context.ts';
import type { Executor } from '../../lib/audit/audit.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import type { Database } from '../../lib/db/database.ts';
import { fieldError } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor, toPage } from '../../lib/http/schemas.ts';
import type { ModuleRegistry, TimelineEntry } from '../../lib/modules.ts';
import { checkPatientRecord, episodeVisibleTo, todayOf } from '../patients/access.ts';
import { patientKind } from '../patients/records.ts';

export interface TimelineQueryString {
  kinds?: string;
  cursor?: string;
  limit?: number;
}

export interface TimelineEntryView extends Omit<TimelineEntry, 'at'> {
  at: string;
  actorName: string | null;
}

/** Newest first; equal times by key, compared by code unit as the sources' `COLLATE "C"` does. */
function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return b.at.getTime() - a.at.getTime() || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

function readCursor(cursor: string | undefined): { at: Date; key: string } | null {
  const values = decodeCursor(cursor, ['string', 'string']);
  if (!values) return null;
  const at = new Date(String(values[0]));
  if (Number.isNaN(at.getTime())) throw fieldError('/query/cursor', 'invalid', 'is not a cursor this list gave out');
  return { at, key: String(values[1]) };
}

/**
 * A patient's timeline (docs/tasks.md): one access check, every source's newest `limit`
 * entries before the cursor (only the kinds asked for), merged newest first, `limit` kept,
 * one read audit row. Each source pages by the same (at, key) order, so the merge of their
 * first `limit` is exactly the first `limit` of the whole.
 */
export async function readTimeline(
  db: Database,
  ctx: RequestContext,
  registry: ModuleRegistry,
  patientId: string,
  query: TimelineQueryString,
): Promise<{ items: TimelineEntryView[]; nextCursor: string | null; kinds: string[] }> {
  const known = [...new Set(registry.timelineSources.flatMap((source) => source.kinds))];
  const kinds = query.kinds ? [...new Set(query.kinds.split(','))] : known;
  const unknown = kinds.find((kind) => !known.includes(kind));
  if (unknown !== undefined) throw fieldError('/query/kinds', 'invalid', `names a kind the timeline does not have (${known.join(', ')})`);
  const limit = query.limit ?? 50;
  const before = readCursor(query.cursor);
  return withAudit(db, ctx, async (tx, audit) => {
    const record = await checkPatientRecord(tx, ctx.actor, patientKind, patientId, { lock: false });
    // Entries of an episode restricted against the reader are dropped (docs/restrictions.md). A
    // source that filled its page then only vouches for entries down to its last one: the page
    // stops at the newest such boundary, and the cursor continues from there.
    const hidden = await hiddenEpisodes(tx, ctx.actor, record.patientId);
    const entries: TimelineEntry[] = [];
    let boundary: TimelineEntry | null = null;
    for (const source of registry.timelineSources) {
      const asked = source.kinds.filter((kind) => kinds.includes(kind));
      if (asked.length === 0) continue;
      const got = await source.load(tx, ctx, { patientId: record.patientId, kinds: asked, before, limit: limit + 1 });
      const last = got.at(-1);
      if (hidden.size > 0 && got.length > limit && last && (!boundary || newestFirst(last, boundary) < 0)) boundary = last;
      entries.push(...got.filter((entry) => !(entry.episodeId && hidden.has(entry.episodeId))));
    }
    entries.sort(newestFirst);
    const keyOf = (entry: TimelineEntry) => [entry.at.toISOString(), entry.key];
    const until = boundary;
    const complete = until ? entries.filter((entry) => newestFirst(entry, until) <= 0) : entries.slice(0, limit + 1);
    const page =
      until && complete.length <= limit ? { items: complete, nextCursor: encodeCursor(keyOf(until)) } : toPage(complete, limit, keyOf);
    const actorIds = [...new Set(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
    const names = new Map(
      actorIds.length === 0
        ? []
        : (await tx.selectFrom('users').select(['id', 'displayName']).where('id', 'in', actorIds).execute()).map((user) => [
            user.id,
            user.displayName,
          ]),
    );
    await audit({
      action: 'read',
      recordType: 'patient-timeline',
      recordId: record.patientId,
      patientId: record.patientId,
      details: { kinds, entries: page.items.length },
    });
    return {
      items: page.items.map((entry) => ({
        ...entry,
        at: entry.at.toISOString(),
        actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
      kinds: known,
    };
  });
}

/** The patient's episodes restricted against the actor, whose timeline entries the actor does not get. */
async function hiddenEpisodes(executor: Executor, actor: Actor, patientId: string): Promise<Set<string>> {
  const rows = await executor
    .selectFrom('episodes as e')
    .select('e.id')
    .where('e.patientId', '=', patientId)
    .where(sql<boolean>`NOT ${episodeVisibleTo(actor, todayOf(actor), 'e.id')}`)
    .execute();
  return new Set(rows.map((row) => row.id));
}
