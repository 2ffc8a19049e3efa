import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isMigrated, loadMigrations } from '../../lib/db/migrate.ts';
import { Problem } from '../../lib/errors.ts';
import { isPoolWaitTimeout } from '../../lib/http/problems.ts';
import { problems } from '../../lib/http/schemas.ts';

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const expectedMigrations = (await loadMigrations()).length;

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The process is alive (does not touch the database)',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The database is reachable and fully migrated',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), ...problems(503) },
      },
    },
    async () => {
      let ready = false;
      try {
        ready = await isMigrated(app.pool, expectedMigrations);
      } catch (error) {
        // Every connection busy is load, not an outage: say so (server-busy), as any other call would.
        if (isPoolWaitTimeout(error)) throw error;
        ready = false;
      }
      if (!ready)
        throw new Problem(503, 'unavailable', 'Not ready', 'The database is not reachable or not migrated yet.', {
          headers: { 'retry-after': '5' },
          code: 'not-ready',
        });
      return { status: 'ready' as const };
    },
  );
};
