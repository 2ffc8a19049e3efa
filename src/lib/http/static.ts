import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { Problem } from '../errors.ts';
import { sendProblem } from './problems.ts';

/** Vite's content-hashed output: a changed file gets a new name, so a copy never goes stale. */
const HASHED_ASSETS = 'assets/';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything whose name stays the same across versions (index.html, sw.js, the manifest): ask first. */
const REVALIDATE = 'no-cache';

export interface WebAppOptions {
  webDist: string;
  /** Serve the build's source maps (and point browsers at them); off in production by default. */
  serveSourceMaps: boolean;
}

/**
 * The built web app. The build writes `.br` and `.gz` beside each compressible file
 * (web/vite.config.ts); the handler picks the one the browser accepts, with
 * `Content-Encoding` and `Vary: Accept-Encoding`. Hashed assets are cached for a year as
 * immutable; the rest is revalidated each time, so a new version is seen at once.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions): Promise<void> {
  const { webDist, serveSourceMaps } = options;
  if (!existsSync(path.join(webDist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDist,
    // One route per file found at start-up (a new build needs a restart, as the server does).
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed copies are alternatives of a file, not files of their own; source maps
    // reveal the source and weigh megabytes, so they are served only when asked for.
    globIgnore: ['**/*.br', '**/*.gz', ...(serveSourceMaps ? [] : ['**/*.map'])],
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const relative = path.relative(webDist, filePath).split(path.sep).join('/');
      void reply.header('cache-control', relative.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
      // The build keeps its maps without a sourceMappingURL comment; this header is how
      // DevTools finds them when an operator turns them on.
      const logical = relative.replace(/\.(br|gz)$/, '');
      if (serveSourceMaps && /\.(js|css)$/.test(logical) && existsSync(path.join(webDist, `${logical}.map`))) {
        void reply.header('sourcemap', `/${logical}.map`);
      }
    },
  });
  // A hashed file that is not here (a page left open across an upgrade asking for an old
  // chunk, or a map that is not served) is a 404, never the page shell: HTML answered for a
  // script fails in the browser with a misleading MIME-type error.
  app.get('/assets/*', { schema: { hide: true } }, (_request, reply) =>
    sendProblem(reply.header('cache-control', REVALIDATE), new Problem(404, 'not-found', 'Not found', 'No such file.')),
  );
}
