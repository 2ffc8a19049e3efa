import type { FastifyPluginAsync } from 'fastify';
import type { RawBuilder } from 'kysely';
import type { TSchema } from 'typebox';
import type { Executor } from './audit/audit.ts';
import type { RequestContext } from './context.ts';
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
}

/** Moves one kind's rows from the merged record to the survivor; returns what moved, to undo it. */
export interface MergeMover {
  move(executor: Executor, mergedId: string, survivorId: string): Promise<unknown[]>;
  undo(executor: Executor, moved: unknown[], mergedId: string, survivorId: string): Promise<void>;
}

/**
 * A part of the patient overview, read inside the patient's access check and its one audited
 * read: `key` becomes a property of the overview, typed by `schema`.
 */
export interface OverviewSection {
  key: string;
  schema: TSchema;
  load(executor: Executor, ctx: RequestContext, patientId: string): Promise<unknown>;
}

/** A module's part of one episode, loaded inside the episode's read (access checked, audited once). */
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
  };
}
