import type pg from 'pg';
import type { Actor, RequestContext } from '../src/lib/context.ts';
import type { Database } from '../src/lib/db/database.ts';
import type { TestClient } from '../test/support/client.ts';

/**
 * What `npm run bench` hands each module's `bench.ts` (docs/modules.md): the synthetic
 * organization (5 programs, a case manager per 150 patients, a supervisor per program, a
 * privacy officer), then
 * the running app and its callers to time scenarios through the API beside raw SQL.
 * Ids follow fixed patterns so that modules can generate set-based rows for each other:
 * patient g is `patientId(g)`, its episode `episodeId(g)`, its case manager `caseManagerOf(g)`.
 */
export interface BenchWorld {
  organizationId: string;
  patients: number;
  programIds: string[];
  caseManagerIds: string[];
  supervisorIds: string[];
  privacyOfficerId: string;
}

export interface BenchEnv {
  world: BenchWorld;
  db: Database;
  caseManager: TestClient;
  supervisor: TestClient;
  privacyOfficer: TestClient;
  cmActor: Actor;
  supActor: Actor;
  poActor: Actor;
  ctxOf: (actor: Actor) => RequestContext;
  today: string;
  /** A caseload's worth of patient ids the case manager may open. */
  myPatients: string[];
  /** Runs a built query raw on the bench's own connection (no app, no access check, no audit). */
  raw: (query: Compilable) => Promise<unknown>;
  expect200: (response: Promise<{ status: number }>) => Promise<void>;
}

interface Compilable {
  compile: () => { sql: string; parameters: readonly unknown[] };
}

interface Scenario {
  name: string;
  /** Through the API; a row without it is timed in SQL only (e.g. another plan of the same query). */
  app?: (i: number) => Promise<unknown>;
  sql: (i: number) => Promise<unknown>;
  /** A query whose plan is printed beside the numbers (STYLE: EXPLAIN what bench runs). */
  plan?: Compilable;
}

export interface ModuleBench {
  /** Set-based synthetic rows, inside the generation transaction, in registry order. */
  generate?: (client: pg.Client, world: BenchWorld) => Promise<void>;
  scenarios?: (env: BenchEnv) => Scenario[];
}

export const ORG = '00000000-0000-7000-8000-000000000001';
/** SQL for the uuid of row `n` of a family (`n` a SQL expression): `'…-<family>-<n padded>'`. */
export const idSql = (family: string, n: string) => `('00000000-0000-7000-${family}-' || lpad((${n})::text, 12, '0'))::uuid`;
export const idOf = (family: string, n: number) => `00000000-0000-7000-${family}-${String(n).padStart(12, '0')}`;
/** The case manager (1-based) of patient `g`: 150 patients each. */
export const caseManagerSql = (g: string) => idSql('8002', `1 + (${g} - 1) / 150`);
export const patientSql = (g: string) => idSql('9000', g);
export const episodeSql = (g: string) => idSql('a000', g);
