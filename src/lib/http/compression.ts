import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses answers of 1 KB and more (brotli, else gzip) for browsers that accept it: a page
 * of My caseload shrinks about eightfold, which a phone on a weak rural connection feels.
 * Must be registered before the routes it covers (it hooks each route as it is added).
 *
 * - Brotli at the plugin's quality 4, not the maximum: on the fly, the higher levels cost far
 *   more CPU for a few per cent. The web app's files are compressed once, at build time, at 11.
 * - Record ETags (`"3"`, a record's version, used for If-Match) are left as they are: they
 *   name the record's version, not its bytes, whatever the encoding on the wire.
 * - Request bodies are not decompressed: no client of ours sends them compressed, and a
 *   compressed body would only be a way around the body size limit's intent.
 * - BREACH (guessing a secret in a compressed body from its size) needs an attacker's request
 *   to carry the victim's cookie and reflect the attacker's input beside the secret; the
 *   session cookie is SameSite=Strict, so another site's request carries no session.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
  });
}
