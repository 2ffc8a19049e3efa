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
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  nameStatements(pool);
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
