import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/lib/db/embedded.ts';

/**
 * A second process starting the embedded PostgreSQL on a data folder (argv: folder, port), as
 * a restarted Bridgeway would: prints "started" once the app role can query it, then stops it.
 * Run by test/durability/restart.test.ts while the test process holds a zombie postmaster.
 */
const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir: dataDir ?? '', port: Number(port), log: (message) => console.log(message) });
const client = new pg.Client({ connectionString: server.appUrl });
try {
  await client.connect();
  const result = await client.query<{ user: string }>('SELECT current_user AS user');
  console.log(`started; connected as ${result.rows[0]?.user ?? '?'}`);
} finally {
  await client.end().catch(() => {});
  await server.stop();
}
