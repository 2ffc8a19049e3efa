import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { page, problems } from '../../lib/http/schemas.ts';
import { AuditEventSchema, AuditQuery } from './schemas.ts';
import { listAuditEvents } from './service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events of my organization, newest first',
        querystring: AuditQuery,
        response: { 200: page(AuditEventSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => listAuditEvents(app.db, contextOf(request), request.query),
  );
};
