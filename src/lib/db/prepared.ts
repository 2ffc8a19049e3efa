// Named ("prepared") statements for the few queries the server runs many times a second with
// only their parameters changing. Kysely sends every statement unnamed, so PostgreSQL parses,
// analyses and plans it anew each time; for My caseload (a large statement with a dozen
// subqueries) planning cost as much as running it under load (docs/performance.md, "Under
// load"). Sent with a name, a connection parses it once, and after five executions PostgreSQL
// may keep one generic plan when it costs no more than the custom ones.
//
// Only statements a module asks for are named, never all of them: a generic plan can be badly
// wrong for a statement whose best plan depends on its parameters (a supervisor's name search,
// which starts from the trigram index), and each name holds memory in every connection for as
// long as it lives. A module asks for one query (`prepared`) or for every statement a piece of
// work sends (`withNamedStatements`: the sections of a patient's overview, a dozen small reads
// of one patient's rows whose planning cost more than their execution under load).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { CompiledQuery, Compilable } from 'kysely';
import type pg from 'pg';

// The texts to send named, and their names. Bounded: a statement whose text varies without
// end (an IN list of any length) would otherwise grow it; past the bound, texts go unnamed.
const names = new Map<string, string>();
const MAX_NAMED = 200;
let boundReached = false;

/**
 * The name `text` is sent under, registered now if the bound allows; undefined past the bound.
 * Reaching the bound is said once, in the process's warnings (no statement's text): from then on
 * new texts are planned each time, correct but slower, and the bound may want raising.
 */
function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED) {
    if (!boundReached) process.emitWarning(`${MAX_NAMED} statement texts are named; further ones go unnamed`, 'BridgewayNamedStatements');
    boundReached = true;
    return undefined;
  }
  const name = `bw_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** The query compiled, its text to be sent as a named statement (run it with `db.executeQuery`). */
export function prepared<R>(query: Compilable<R>): CompiledQuery<R> {
  const compiled = query.compile();
  nameOf(compiled.sql);
  return compiled;
}

const namingAll = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every statement it sends named. Only for reads whose best plan does not depend
 * on their parameters (one patient's or one episode's rows by id), never for a search.
 */
export function withNamedStatements<T>(work: () => Promise<T>): Promise<T> {
  return namingAll.run(true, work);
}

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes every connection of `pool` send the texts `prepared` named as named statements. */
export function nameStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFunction;
    (client as unknown as { query: QueryFunction }).query = (config, values, callback) => {
      const name = typeof config !== 'string' ? undefined : namingAll.getStore() ? nameOf(config) : names.get(config);
      if (name === undefined) return query(config, values, callback);
      // A name is the hash of its text, so one connection never sees one name with two texts.
      return query({ name, text: config, values }, callback);
    };
  });
}
