import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestMeta } from '../../lib/http/auth.ts';
import { problems } from '../../lib/http/schemas.ts';
import { SetupBody, SetupResult, SetupStatus } from './schemas.ts';
import { credentialRateLimit } from '../../lib/http/rate-limits.ts';
import { isSetUp, setupCodeOf, setupCodeRequired, setUpOrganization } from './service.ts';

export const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const codeRequired = setupCodeRequired(app.config.host);
  // Reachable from other machines and not set up yet: whoever reads the server's log (its
  // operator) holds the code the setup page asks for, so a passer-by cannot set it up first.
  app.addHook('onReady', async () => {
    if (!codeRequired || (await isSetUp(app.db).catch(() => true))) return;
    app.log.warn(
      { setupCode: setupCodeOf(app.secrets) },
      `first-run setup needs this one-time setup code (the server listens on ${app.config.host}): ${setupCodeOf(app.secrets)}`,
    );
  });

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['setup'], summary: 'Whether first-run setup is still needed', response: { 200: SetupStatus } },
    },
    async () => ({ setupRequired: !(await isSetUp(app.db)), setupCodeRequired: codeRequired }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags: ['setup'],
        summary: 'Create the first organization and its admin (once)',
        body: SetupBody,
        response: { 201: SetupResult, ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await setUpOrganization(app.db, request.body, requestMeta(request), codeRequired ? app.secrets : null);
      return reply.code(201).header('location', '/api/organization').send(result);
    },
  );
};
