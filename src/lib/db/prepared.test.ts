import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/support/db.ts';
import { connectDatabase } from './database.ts';
import { prepared, withNamedStatements } from './prepared.ts';

const database = await createTestDatabase();
// One connection, so the statements this test names are on the session it then inspects.
const handle = connectDatabase(database.url, { max: 1 });
after(async () => {
  await handle.close();
  await database.drop();
});

const namedOnConnection = async () =>
  (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(handle.db)).rows;

test('a prepared query is parsed once per connection, under a name, and answers as an unnamed one would', async () => {
  const query = (id: string) => handle.db.selectFrom('organizations').select(['id', 'createdAt']).where('id', '=', id);
  const missing = '00000000-0000-7000-8000-00000000ffff';
  assert.deepEqual((await handle.db.executeQuery(prepared(query(missing)))).rows, []);
  assert.deepEqual((await handle.db.executeQuery(prepared(query(missing)))).rows, []);
  const named = await namedOnConnection();
  assert.equal(named.length, 1, JSON.stringify(named));
  assert.match(named[0]?.name ?? '', /^bw_[0-9a-f]{24}$/);
  assert.match(named[0]?.statement ?? '', /from "organizations"/);
  // The same text with other parameters reuses the statement; the camel-cased columns come back.
  await sql`INSERT INTO organizations (id, name, time_zone) VALUES (${missing}, 'Prepared Test Org', 'America/Chicago')`.execute(handle.db);
  const found = (await handle.db.executeQuery(prepared(query(missing)))).rows;
  assert.equal(found.length, 1);
  assert.equal(found[0]?.id, missing);
  assert.ok(found[0]?.createdAt instanceof Date);
  assert.equal((await namedOnConnection()).length, 1);
});

test('queries not asked for stay unnamed', async () => {
  const before = (await namedOnConnection()).length;
  await handle.db.selectFrom('organizations').select('id').where('name', '=', 'nobody').execute();
  assert.equal((await namedOnConnection()).length, before);
});

test('within withNamedStatements every statement is named, and only there', async () => {
  const before = (await namedOnConnection()).length;
  const byTimeZone = (zone: string) => handle.db.selectFrom('organizations').select('id').where('timeZone', '=', zone).execute();
  await withNamedStatements(async () => {
    await byTimeZone('America/Denver');
    await byTimeZone('America/Boise');
  });
  const named = await namedOnConnection();
  assert.equal(named.length, before + 1, JSON.stringify(named));
  assert.ok(named.some((row) => row.statement.includes('"time_zone" = $1')));
  // Outside, another text stays unnamed.
  await handle.db.selectFrom('organizations').select('name').where('timeZone', '=', 'America/Denver').execute();
  assert.equal((await namedOnConnection()).length, before + 1);
});
