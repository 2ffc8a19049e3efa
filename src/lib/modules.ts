import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RawBuilder } from 'kysely';
import type { TSchema } from 'typebox';
import type { Executor } from './audit/audit.ts';
import type { Actor, RequestContext } from './context.ts';
import type { DB } from '../db/schema.ts';

/**
 * A module is a folder under src/modules/ (docs/modules.md). What it hands the app is this
 * record, listed once in src/modules/index.ts; everything else it owns stays in its folder.
 */
export interface ServerModule {
  name: string;
  /** Its HTTP routes; registered with the options below. */
  routes?: FastifyPluginAsync<ModuleOptions>;
  /** The tables of patient data it owns, for the one access check and for merges. */
  patientRecords?: readonly PatientRecordKind[];
  /** Its part of the patient overview (GET /api/patients/{id}), if it has one. */
  overview?: OverviewSection;
  /** Its part of the episode screen (GET /api/episodes/{id}): read in the same audited read, so one screen leaves one row. */
  episode?: EpisodeSection;
  /** Its entries in the patient timeline (GET /api/patients/{id}/timeline), if it has any. */
  timeline?: TimelineSource;
  /** Its part of the Today worklist (GET /api/today), if it has one. */
  today?: TodaySource;
  /** Runs on every request after authentication (request.actor and request.session are set); throws to refuse. */
  requestGuard?: (request: FastifyRequest) => Promise<void>;
}

/** What every module's routes receive: the registry's views across modules. */
export interface ModuleOptions {
  registry: ModuleRegistry;
}

export interface ModuleRegistry {
  modules: readonly ServerModule[];
  patientRecords: readonly PatientRecordKind[];
  overviewSections: readonly OverviewSection[];
  episodeSections: readonly EpisodeSection[];
  timelineSources: readonly TimelineSource[];
  todaySources: readonly TodaySource[];
}

/**
 * A table whose rows belong to one patient: it has `patient_id` (or is `patients` itself),
 * with a composite foreign key to patients. The access wrapper finds any record's patient
 * through it; a merge moves (or keeps) its rows by `merge`.
 */
export interface PatientRecordKind {
  table: keyof DB;
  /** The audit trail's name for it: `placement`, `care-team-member`… */
  recordType: string;
  /** The API path whose `/{id}` addresses one record of this kind (the access matrix reads it). */
  path: string | null;
  /**
   * What a merge does with the merged record's rows: `move` them to the survivor; `cascade`
   * when they follow a parent that moves (a foreign key with ON UPDATE CASCADE); `stay` with
   * the merged record; or a custom mover (phones keep their order).
   */
  merge: 'move' | 'cascade' | 'stay' | MergeMover;
  /** Only rows matching this move (e.g. identifiers not retired): SQL on the table's columns. */
  mergeFilter?: RawBuilder<unknown>;
  /** The column naming the patient, when it is not `patient_id` (`id` for patients itself). */
  patientColumn?: string;
  /**
   * The column naming the record's episode (`episode_id`, `id` for episodes itself), when it has
   * one: a restricted episode's records are refused to whoever the restriction shuts out
   * (docs/restrictions.md; src/modules/restrictions/restrictions.test.ts checks every such table declares it).
   */
  episodeColumn?: string;
  /** A further rule on the row (alias `row`), such as a sensitive note's readers: SQL, true when the actor may see it. */
  rowVisibleTo?: (actor: Actor, today: string, row: string) => RawBuilder<boolean>;
}

/** Moves one kind's rows from the merged record to the survivor; returns what moved, to undo it. */
export interface MergeMover {
  move(executor: Executor, mergedId: string, survivorId: string): Promise<unknown[]>;
  undo(executor: Executor, moved: unknown[], mergedId: string, survivorId: string): Promise<void>;
}

/**
 * A part of the patient overview, read inside the patient's access check and its one audited
 * read: `key` becomes a property of the overview, typed by `schema`. Reads only: every section's
 * statements are sent together with the others' (`concurrently`, src/lib/db/database.ts).
 */
export interface OverviewSection {
  key: string;
  schema: TSchema;
  load(executor: Executor, ctx: RequestContext, patientId: string): Promise<unknown>;
}

/**
 * A module's part of one episode, loaded inside the episode's read (access checked, audited
 * once). Reads only, sent together with the other sections' as the overview's are.
 */
export interface EpisodeSection {
  key: string;
  schema: TSchema;
  load(executor: Executor, ctx: RequestContext, episodeId: string): Promise<unknown>;
}

export function buildRegistry(modules: readonly ServerModule[]): ModuleRegistry {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`two modules are named ${module.name}`);
    names.add(module.name);
  }
  return {
    modules,
    patientRecords: modules.flatMap((module) => module.patientRecords ?? []),
    overviewSections: modules.flatMap((module) => (module.overview ? [module.overview] : [])),
    episodeSections: modules.flatMap((module) => (module.episode ? [module.episode] : [])),
    timelineSources: modules.flatMap((module) => (module.timeline ? [module.timeline] : [])),
    todaySources: modules.flatMap((module) => (module.today ? [module.today] : [])),
  };
}

/**
 * One module's entries in a patient's timeline. The timeline route checks access to the
 * patient once, asks every source for its newest `limit` entries older than the cursor, merges
 * them newest first, keeps `limit` and writes one read audit row: a source only reads.
 */
export interface TimelineSource {
  /** The kinds of entry it gives (`contact`, `note`, `task`, `episode`…): the timeline's filter. */
  kinds: readonly string[];
  load(executor: Executor, ctx: RequestContext, query: TimelineQuery): Promise<TimelineEntry[]>;
}

export interface TimelineQuery {
  patientId: string;
  /** Only these kinds (a subset of the source's own); never empty when the source is asked. */
  kinds: readonly string[];
  /** Entries strictly before this position, in (at, key) order descending; null for the newest. */
  before: { at: Date; key: string } | null;
  limit: number;
}

export interface TimelineEntry {
  /** When it happened (a contact's time, a task's completion, an episode's admission). */
  at: Date;
  /** Unique across the whole timeline and stable: `${kind}:${record id}[:${event}]`; the cursor's tie-break. */
  key: string;
  kind: string;
  /** The record it is about, for its link: its audit record type and id. */
  recordType: string;
  recordId: string;
  episodeId: string | null;
  /** Who did it (a staff id), when known. */
  actorId: string | null;
  /** What the web app says, in the reader's language: a message key and its params. */
  summary: { code: string; params: Record<string, string | number | boolean | null> };
}

/**
 * One module's part of the Today worklist for a set of staff members (the reader, or a
 * supervisor's staff). The route checks who may see whose day, composes the sections and
 * writes one read audit row naming every patient shown: a source only reads, and only rows of
 * patients the reader may see (compose `patientVisibleTo` from src/modules/patients/access.ts).
 */
export interface TodaySource {
  key: string;
  /** The schema of one item; every item carries `patientId` (string or null) and `staffId`. */
  item: TSchema;
  load(executor: Executor, ctx: RequestContext, query: TodayQuery): Promise<TodayItem[]>;
}

export interface TodayQuery {
  staffIds: readonly string[];
  now: Date;
  /** The organization's time zone: "today" and "overdue" are days there. */
  timeZone: string;
}

export interface TodayItem {
  patientId: string | null;
  staffId: string;
  [field: string]: unknown;
}
