import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { problems } from '../../lib/http/schemas.ts';
import { OrganizationSchema, presentOrganization, UpdateOrganizationBody } from './schemas.ts';
import { getOrganization, updateOrganization } from './service.ts';

/** The organization is the tenant: "today" and "due" are computed in its time zone. */
export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['organization'];

  app.get(
    '/api/organization',
    { schema: { tags, summary: 'My organization', response: { 200: OrganizationSchema, ...problems(401) } } },
    async (request, reply) => {
      const row = await getOrganization(app.db, contextOf(request));
      return reply.header('etag', `"${row.version}"`).send(presentOrganization(row));
    },
  );

  app.patch(
    '/api/organization',
    {
      config: { cookieOnly: true }, // management is never done with an API key
      schema: {
        tags,
        summary: 'Change my organization’s settings',
        body: UpdateOrganizationBody,
        response: { 200: OrganizationSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await updateOrganization(app.db, contextOf(request), versionFrom(request, request.body.version), request.body);
      return reply.header('etag', `"${row.version}"`).send(presentOrganization(row));
    },
  );
};
