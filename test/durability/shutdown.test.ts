import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createTestDatabase } from '../support/db.ts';
import { freePort, startServer } from '../support/server.ts';

/** SIGTERM lets requests already in flight finish (each sign-in does real argon2 work). */
const database = await createTestDatabase();
after(() => database.drop());

test('on SIGTERM the server answers every request it had accepted, then exits cleanly', { timeout: 120_000 }, async () => {
  const server = await startServer({ DATABASE_URL: database.url }, await freePort());
  const requests = Array.from({ length: 12 }, (_, i) =>
    fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `nobody${i}@example.invalid`, password: 'not a real password' }),
    }).then(
      (response) => response.status,
      (error: Error & { cause?: { code?: string } }) => `failed: ${error.cause?.code ?? error.message}`,
    ),
  );
  // Long enough for every request to be received (argon2 keeps them busy well past this).
  await new Promise((resolve) => setTimeout(resolve, 150));
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  server.process.kill('SIGTERM');
  const statuses = await Promise.all(requests);
  for (const status of statuses) assert.ok(status === 401 || status === 503, `every request got an answer, not a reset: ${String(status)}`);
  assert.ok(statuses.filter((status) => status === 401).length > 0, 'requests in flight were completed');
  assert.equal(await exited, 0);
});
