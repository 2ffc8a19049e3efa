import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Each test file gets its own database, cloned from a migrated template that `npm test`
 * (scripts/test.ts) prepares, so files run in parallel and never see each other's rows.
 */
export function testEnv(): { adminUrl: string; template: string; runId: string } {
  const adminUrl = process.env.BRIDGEWAY_TEST_ADMIN_URL;
  const template = process.env.BRIDGEWAY_TEST_TEMPLATE;
  const runId = process.env.BRIDGEWAY_TEST_RUN_ID;
  if (!adminUrl || !template || !runId) throw new Error('Run the tests with `npm test`: it prepares the test databases.');
  return { adminUrl, template, runId };
}

export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const { adminUrl, template, runId } = testEnv();
  const name = `bw_t_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(adminUrl, name),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A connection as the server's superuser, for what the app itself may not do (tamper tests). */
export async function superuserClient(database: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlFor(testEnv().adminUrl, database) });
  await client.connect();
  return client;
}
