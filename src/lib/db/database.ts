import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type QueryCompiler,
  type RootOperationNode,
  type PostgresDialectConfig,
  type Transaction,
  type TransactionSettings,
  Transaction as KyselyTransaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from '../../db/schema.ts';
import { nameStatements } from './prepared.ts';

export type Database = Kysely<DB>;

// Return timestamptz as JS Date (pg default) but `date` columns as plain YYYY-MM-DD strings:
// a date has no time zone, and turning it into a Date shifts it by the server's offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (int8) as JS number: our counters stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(connectionString: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Fail fast while the server is down so /api/ready answers 503 instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: 'bridgeway',
    // A connection sends the statements it is given while earlier ones are still running, each
    // with its own sync point (node-postgres "pipelining"): `concurrently` below uses it.
    // Statements given one at a time, as everywhere else, go exactly as before.
    pipeline: true,
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  nameStatements(pool);
  writeTogether(pool);
  const db = new Kysely<DB>({ dialect: new SavepointDialect({ pool }), plugins: [camelCase] });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}

// The savepoint the transaction being begun opens with, while `transactionWithSavepoint` begins it.
const openingSavepoint = new AsyncLocalStorage<string>();

/**
 * Runs `work` in a transaction that starts with `SAVEPOINT name`. BEGIN and SAVEPOINT go to
 * PostgreSQL as one message (a parameterless simple query may hold two statements): one loopback
 * round trip instead of two, on every audited request (docs/performance.md, "Under load").
 */
export function transactionWithSavepoint<T>(db: Database, name: string, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`transactionWithSavepoint: not a savepoint name: ${name}`);
  // The name is for this BEGIN only: a transaction the work opens elsewhere begins plainly.
  return openingSavepoint.run(name, () => db.transaction().execute((tx) => openingSavepoint.exit(() => work(tx))));
}

/**
 * Runs `work` with a view of the transaction `tx` whose statements are not queued behind each
 * other: reads started together (`Promise.all`) go to PostgreSQL together, one after the other
 * on the same connection without waiting for each answer, each answered in order. A dozen reads
 * of a patient's overview cost one loopback round trip instead of twelve, each of which is a
 * wake-up of the server and of a PostgreSQL backend (docs/performance.md, "Under load").
 *
 * Kysely hands a transaction's connection to one statement at a time; node-postgres keeps the
 * order itself, and a statement that fails aborts the transaction as it would one at a time
 * (those sent after it fail too, and the transaction is rolled back). For reads only: a write's
 * outcome often decides the next statement, which must then wait for it anyway.
 */
export async function concurrently<T>(tx: Transaction<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return sendingTogether.run(true, () => concurrentView(tx, work));
}

async function concurrentView<T>(tx: Transaction<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  const executor = tx.getExecutor();
  // The transaction's one connection (waiting, as any statement would, for the one running).
  const connection = await executor.provideConnection(async (held) => held);
  // Every statement the view sends, in the order sent (node-postgres answers in that order).
  const sent: Promise<unknown>[] = [];
  let open = true;
  const view = new KyselyTransaction<DB>({
    executor: executor.withConnectionProvider({
      provideConnection: (consume) => {
        if (!open) return Promise.reject(new Error('concurrently: a statement was started after its work had ended'));
        const running = consume(connection);
        sent.push(running);
        return running;
      },
    }),
    // Kysely asks for these only to begin, introspect or end, which a transaction's view refuses.
    ...refusedParts,
  });
  // Whether the work succeeds or fails, no statement it started may still be on the wire when
  // the transaction goes on, commits or rolls back (or, for an audited refusal, rolls back to its
  // savepoint and commits), and none may start after.
  const settled = () => {
    open = false;
    return Promise.allSettled(sent);
  };
  let result: T;
  try {
    result = await work(view);
  } catch (error) {
    // The first statement to fail is the cause: those sent after it only answer that the
    // transaction is aborted, and may reach the `Promise.all` that failed the work first.
    const cause = (await settled()).find((outcome) => outcome.status === 'rejected' && !isAbortedTransaction(outcome.reason));
    throw cause ? (cause as PromiseRejectedResult).reason : error;
  }
  await settled();
  return result;
}

const isAbortedTransaction = (error: unknown) => (error as { code?: unknown } | null)?.code === '25P02';

/**
 * Runs `reads` together, as `Promise.all` does, but settles only when every one has: then fails
 * with the first failure in the order given (a read that failed, rather than a statement sent
 * with it that PostgreSQL then refused because the transaction was aborted), and leaves no
 * statement running behind it.
 */
export async function allSettledFirst<T extends readonly unknown[]>(reads: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const outcomes = await Promise.allSettled(reads);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

const sendingTogether = new AsyncLocalStorage<true>();

/**
 * node-postgres writes each statement to the socket as it is given (a system call each, the
 * largest single cost of the server under load). Statements given together in `concurrently`
 * are held until the work started with them has run its course (the next tick), then written
 * in one call.
 */
function writeTogether(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const socket = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    let held = false;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (!held && sendingTogether.getStore()) {
        held = true;
        socket.cork();
        process.nextTick(() => {
          held = false;
          socket.uncork();
        });
      }
      return query(...args);
    };
  });
}

const refused = () => {
  throw new Error('a concurrent view of a transaction only runs statements');
};
const refusedDialect = { createDriver: refused, createQueryCompiler: refused, createAdapter: refused, createIntrospector: refused };
const refusedParts = {
  config: { dialect: refusedDialect },
  driver: {
    init: refused,
    acquireConnection: refused,
    beginTransaction: refused,
    commitTransaction: refused,
    rollbackTransaction: refused,
    releaseConnection: refused,
    destroy: refused,
  },
  dialect: refusedDialect,
};

class SavepointDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const savepoint = openingSavepoint.getStore();
    if (savepoint === undefined || settings.isolationLevel || settings.accessMode) return super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`begin; savepoint ${savepoint}`));
  }
}

/**
 * Our code names columns in camelCase and the database in snake_case. Kysely's CamelCasePlugin
 * does it by copying each query's whole tree into snake_case before it is compiled, and every
 * subquery again each time it is embedded in another: a second and third walk of every node,
 * about 4 % of the server's CPU under load (docs/performance.md, "Under load"). Here the compiler
 * writes each identifier in snake_case as it writes the text, in its one walk; the plugin keeps
 * the other half of its work, the rows' keys to camelCase. The same text either way
 * (src/lib/db/database.test.ts compares them).
 */
class CamelCaseRows extends CamelCasePlugin implements KyselyPlugin {
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  /** The database's name of an identifier of our code (`legalLastName` → `legal_last_name`). */
  columnName(identifier: string): string {
    return this.snakeCase(identifier);
  }
}

/** The one instance every connection uses, and the compiler's source of snake_case names. */
export const camelCase = new CamelCaseRows();

export class SnakeCaseCompiler extends PostgresQueryCompiler {
  protected override sanitizeIdentifier(identifier: string): string {
    return super.sanitizeIdentifier(camelCase.columnName(identifier));
  }
}

class SavepointDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SavepointDriver(this.#config);
  }

  override createQueryCompiler(): QueryCompiler {
    return new SnakeCaseCompiler();
  }
}
