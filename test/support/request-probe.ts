import { subscribe } from 'node:diagnostics_channel';
import { REQUEST_RECEIVED } from './server.ts';

/**
 * Preloaded into a server under test (`startServer(…, { announceRequests: true })`): prints a
 * line as each HTTP request reaches the server, before any of its handling, so a test can act
 * once its requests are in flight instead of sleeping and hoping they are.
 */
subscribe('http.server.request.start', () => {
  process.stderr.write(`${REQUEST_RECEIVED}\n`);
});
