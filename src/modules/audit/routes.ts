import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { sendCsv } from '../../lib/http/csv.ts';
import { page, problems } from '../../lib/http/schemas.ts';
import { todayOf } from '../patients/access.ts';
import { CsvDownload, exportHeaders } from './exports.ts';
import { AuditEventSchema, AuditFilters, AuditQuery, PatientLookupItem, PatientLookupQuery, StaffNameSchema } from './schemas.ts';
import { auditPatientLookup, auditStaffNames, exportAuditEvents, listAuditEvents } from './service.ts';

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

  app.get(
    '/api/audit-events/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit events with the same filters as CSV, newest first, at most 50,000 rows (the export is audited)',
        querystring: AuditFilters,
        response: { 200: CsvDownload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const made = await exportAuditEvents(app.db, ctx, request.query);
      reply.headers(exportHeaders(made.rows, made.truncated));
      return sendCsv(reply, `audit-log-${todayOf(ctx.actor)}.csv`, made.csv);
    },
  );

  app.get(
    '/api/audit-events/staff',
    {
      schema: {
        tags: ['audit'],
        summary: 'Staff of my organization by name, for the audit search (names only: no roles, emails or programs)',
        response: { 200: Type.Object({ items: Type.Array(StaffNameSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await auditStaffNames(app.db, contextOf(request)) }),
  );

  app.get(
    '/api/audit-events/patients',
    {
      schema: {
        tags: ['audit'],
        summary: 'Patients by part of their name, for the audit search (names only, 20 at most; audited)',
        querystring: PatientLookupQuery,
        response: { 200: Type.Object({ items: Type.Array(PatientLookupItem) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: await auditPatientLookup(app.db, contextOf(request), request.query) }),
  );
};
