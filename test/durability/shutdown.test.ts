import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createTestDatabase } from '../support/db.ts';
import { freePort, REQUEST_RECEIVED, startServer } from '../support/server.ts';

/** SIGTERM lets requests already in flight finish (each sign-in does real argon2 work). */
const database = await createTestDatabase();
after(() => database.drop());

test('on SIGTERM the server answers every request it had accepted, then exits cleanly', { timeout: 120_000 }, async () => {
  const server = await startServer({ DATABASE_URL: database.url }, await freePort(), { announceRequests: true });
  const count = 12;
  const requests = Array.from({ length: count }, (_, i) =>
    fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `nobody${i}@example.invalid`, password: 'not a real password' }),
    }).then(
      (response) => response.status,
      (error: Error & { cause?: { code?: string } }) => `failed: ${error.cause?.code ?? error.message}`,
    ),
  );
  // SIGTERM only once the server has received every request (argon2 then keeps them in flight).
  await server.waitForOutput(`the server to receive all ${count} requests`, (output) => output.split(REQUEST_RECEIVED).length - 1 >= count);
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  server.process.kill('SIGTERM');
  const statuses = await Promise.all(requests);
  // Each was received before SIGTERM, so each is answered in full (not reset, not 503).
  assert.deepEqual(statuses, Array<number>(count).fill(401), 'every request in flight was completed');
  assert.equal(await exited, 0);
});
