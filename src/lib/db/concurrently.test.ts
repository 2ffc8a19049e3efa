import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/support/db.ts';
import { allSettledFirst, concurrently, connectDatabase, type DatabaseHandle } from './database.ts';

/**
 * `concurrently` gives a transaction's statements to its connection without waiting for each
 * answer (node-postgres pipelining), where Kysely would hand over one at a time. What must hold:
 * they are sent before the earlier ones are answered, answered in order with their own rows,
 * inside the transaction (its writes seen, its rollback theirs), and a failure among them fails
 * the transaction as it would one at a time.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let handle: DatabaseHandle;
/** Each statement's text as the connection was given it; and as its answer came back, with how many had been given then. */
const given: string[] = [];
const answered: { text: string; givenThen: number }[] = [];
/** How many times the connection wrote to its socket (a system call each). */
let socketWrites = 0;

before(async () => {
  database = await createTestDatabase();
  handle = connectDatabase(database.url, { max: 1 });
  handle.pool.on('connect', (client) => {
    const socket = (client as unknown as { connection: { stream: Record<'_write' | '_writev', (...args: unknown[]) => unknown> } })
      .connection.stream;
    for (const method of ['_write', '_writev'] as const) {
      const write = socket[method].bind(socket);
      socket[method] = (...args: unknown[]) => {
        socketWrites += 1;
        return write(...args);
      };
    }
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
      given.push(text);
      const result = query(...args);
      const answer = () => void answered.push({ text, givenThen: given.length });
      if (result instanceof Promise) void result.then(answer, answer);
      return result;
    };
  });
});

after(async () => {
  await handle.close();
  await database.drop();
});

const marker = (label: string) => sql<{ label: string }>`select ${sql.lit(label)} as label, pg_sleep(0.05)`;

test('statements started together are given to the connection before the first is answered', async () => {
  const run = async (together: boolean) => {
    given.length = 0;
    answered.length = 0;
    socketWrites = 0;
    const labels = await handle.db.transaction().execute(async (tx) => {
      const read = async (work: typeof tx) =>
        Promise.all(['first', 'second', 'third'].map(async (label) => (await marker(label).execute(work)).rows[0]?.label));
      return together ? concurrently(tx, read) : read(tx);
    });
    const sleeps = answered.filter((answer) => answer.text.includes('pg_sleep'));
    const order = sleeps.map((answer) => /'(\w+)'/.exec(answer.text)?.[1]);
    // How many statements the connection had been given when the first answer came back (the
    // BEGIN before them included).
    return { labels, order, givenAtFirstAnswer: sleeps[0]?.givenThen, socketWrites };
  };

  const together = await run(true);
  assert.deepEqual(together.labels, ['first', 'second', 'third']);
  assert.deepEqual(together.order, ['first', 'second', 'third']);
  assert.equal(together.givenAtFirstAnswer, 4);
  // BEGIN, the three in one write, COMMIT.
  assert.equal(together.socketWrites, 3);
  // Kysely's own transaction gives them one at a time: the proof that the test tells them apart.
  const queued = await run(false);
  assert.deepEqual(queued.labels, ['first', 'second', 'third']);
  assert.equal(queued.givenAtFirstAnswer, 2);
  assert.equal(queued.socketWrites, 5);
});

test('they run inside the transaction: its writes are seen, its rollback undoes theirs', async () => {
  await sql`create table pipeline_probe (n int)`.execute(handle.db);
  const seen = await handle.db.transaction().execute(async (tx) => {
    await sql`insert into pipeline_probe values (1)`.execute(tx);
    return concurrently(tx, async (reads) => {
      const [count, again] = await Promise.all([
        sql<{ n: number }>`select count(*)::int as n from pipeline_probe`.execute(reads),
        sql<{ n: number }>`select count(*)::int as n from pipeline_probe`.execute(reads),
      ]);
      return [count.rows[0]?.n, again.rows[0]?.n];
    });
  });
  assert.deepEqual(seen, [1, 1]);

  await assert.rejects(
    handle.db.transaction().execute(async (tx) =>
      concurrently(tx, async (writes) => {
        await Promise.all([
          sql`insert into pipeline_probe values (2)`.execute(writes),
          sql`insert into pipeline_probe values (3)`.execute(writes),
        ]);
        throw new Error('changed my mind');
      }),
    ),
    /changed my mind/,
  );
  const { rows } = await sql<{ n: number }>`select n from pipeline_probe order by n`.execute(handle.db);
  assert.deepEqual(
    rows.map((row) => row.n),
    [1],
  );
});

test('one failing statement fails the transaction; those sent after it fail too and nothing is kept', async () => {
  await assert.rejects(
    handle.db.transaction().execute(async (tx) => {
      await sql`insert into pipeline_probe values (10)`.execute(tx);
      return concurrently(tx, (reads) =>
        Promise.all([
          sql`select 1`.execute(reads),
          sql`select 1 / 0`.execute(reads),
          // Sent before the failure was known, refused by PostgreSQL after it.
          sql`select 2`.execute(reads),
        ]),
      );
    }),
    /division by zero/,
  );
  const { rows } = await sql<{ n: number }>`select n from pipeline_probe where n = 10`.execute(handle.db);
  assert.deepEqual(rows, []);
  // The connection is usable afterwards, outside any transaction.
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]?.one, 1);
});

test('the error is the first statement’s to fail, even when one sent after it is refused sooner', async () => {
  // The one sent second (refused: the transaction is aborted) reaches Promise.all first: the
  // first's failure is held until the second has settled. (A chain of steps after the first
  // used to do this, but only when both answers arrived in one read of the socket; in CI they
  // once came apart, 2 December 2026.)
  const heldUntil = <T>(promise: Promise<T>, other: Promise<unknown>) =>
    promise.catch(async (error: unknown) => {
      await other.catch(() => undefined);
      throw error;
    });
  let firstToPromiseAll: unknown = null;
  await assert.rejects(
    handle.db.transaction().execute(async (tx) =>
      concurrently(tx, (view) => {
        const first = sql`select 1 / 0`.execute(view);
        const second = sql`select 2`.execute(view);
        return Promise.all([heldUntil(first, second), second]).catch((error: unknown) => {
          firstToPromiseAll = error;
          throw error;
        });
      }),
    ),
    /division by zero/,
  );
  // What Promise.all alone would have answered: the test sets up the case it claims to.
  assert.match(String(firstToPromiseAll), /current transaction is aborted/);
});

test('work that fails leaves no statement running and starts no more', async () => {
  given.length = 0;
  answered.length = 0;
  let secondStarted: Promise<unknown> | null = null;
  await assert.rejects(
    handle.db.transaction().execute(async (tx) =>
      concurrently(tx, (view) =>
        Promise.all([
          (async () => {
            await marker('slow').execute(view);
            secondStarted = marker('after').execute(view);
            await secondStarted;
          })(),
          Promise.reject(new Error('no such record')),
        ]),
      ),
    ),
    /no such record/,
  );
  // The slow statement was answered before the transaction ended; the one its branch started
  // afterwards was refused, never sent.
  assert.ok(answered.some((answer) => answer.text.includes("'slow'")));
  assert.ok(!given.some((text) => text.includes("'after'")));
  assert.ok(secondStarted !== null);
  await assert.rejects(secondStarted, /after its work had ended/);
  const rollback = given.findIndex((text) => /rollback/i.test(text));
  assert.ok(rollback > given.findIndex((text) => text.includes("'slow'")));
});

test('allSettledFirst waits for every one, then fails with the first failure in the order given', async () => {
  const settled: string[] = [];
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('the read failed')), 30)).finally(() => settled.push('read'));
  const early = Promise.reject(new Error('transaction is aborted')).finally(() => settled.push('audit'));
  await assert.rejects(allSettledFirst([late, early] as const), /the read failed/);
  assert.deepEqual(settled.sort(), ['audit', 'read']);
  assert.deepEqual(await allSettledFirst([Promise.resolve(1), Promise.resolve('two')] as const), [1, 'two']);
});

test('the concurrent view runs statements only', async () => {
  await handle.db.transaction().execute(async (tx) =>
    concurrently(tx, (view) => {
      assert.throws(() => view.transaction(), /not supported/);
      assert.throws(() => view.introspection, /only runs statements/);
      return Promise.resolve();
    }),
  );
});
