import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestMeta } from '../../lib/http/auth.ts';
import { problems } from '../../lib/http/schemas.ts';
import { SetupBody, SetupResult, SetupStatus } from './schemas.ts';
import { isSetUp, setUpOrganization } from './service.ts';

export const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['setup'], summary: 'Whether first-run setup is still needed', response: { 200: SetupStatus } },
    },
    async () => ({ setupRequired: !(await isSetUp(app.db)) }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        summary: 'Create the first organization and its admin (once)',
        body: SetupBody,
        response: { 201: SetupResult, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const result = await setUpOrganization(app.db, request.body, requestMeta(request));
      return reply.code(201).header('location', '/api/organization').send(result);
    },
  );
};
