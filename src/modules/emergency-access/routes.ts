import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { sendCsv } from '../../lib/http/csv.ts';
import { CsvDownload, exportHeaders } from '../audit/exports.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { credentialRateLimit } from '../../lib/http/rate-limits.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import {
  BreakGlassBody,
  ExportQuery,
  GrantDetailSchema,
  GrantSchema,
  LookupBody,
  LookupItem,
  OwnGrantSchema,
  QueueQuery,
  ReviewBody,
} from './schemas.ts';
import {
  breakGlass,
  endGrant,
  exportGrants,
  getGrant,
  grantsSummary,
  listGrants,
  lookupPatients,
  myGrants,
  reviewGrant,
} from './service.ts';

/** Break-the-glass: emergency access to a chart outside one's care team, and its review (docs/emergency-access.md). */
export const emergencyAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['emergency-access'];

  app.post(
    '/api/emergency-access/lookups',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Find a patient for emergency access: exact birth date and last name (case and accents ignored); at most 10',
        body: LookupBody,
        response: { 200: Type.Object({ items: Type.Array(LookupItem) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: await lookupPatients(app.db, contextOf(request), request.body) }),
  );

  app.post(
    '/api/patients/:id/emergency-access',
    {
      config: { cookieOnly: true, rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags,
        summary: 'Break the glass: open a chart outside your care team for a limited time, stating why, with your password',
        params: IdParams,
        body: BreakGlassBody,
        response: { 201: OwnGrantSchema, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const grant = await breakGlass(app.db, app.secrets, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/emergency-access/${grant.id}`).send(grant);
    },
  );

  app.get(
    '/api/emergency-access/mine',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'My emergency access in force, soonest to end first',
        response: { 200: Type.Object({ items: Type.Array(OwnGrantSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await myGrants(app.db, contextOf(request)) }),
  );

  app.post(
    '/api/emergency-access/:id/end',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'End my emergency access now',
        params: IdParams,
        response: { 200: OwnGrantSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => endGrant(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/emergency-access',
    {
      schema: {
        tags,
        summary: 'The privacy officer’s queue: events awaiting review (oldest first) or reviewed (latest review first)',
        querystring: QueueQuery,
        response: { 200: page(GrantSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => listGrants(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/emergency-access/summary',
    {
      schema: {
        tags,
        summary: 'How many events await the privacy officer’s review',
        response: { 200: Type.Object({ awaitingReview: Type.Integer({ minimum: 0 }) }), ...problems(401, 403) },
      },
    },
    async (request) => grantsSummary(app.db, contextOf(request)),
  );

  app.get(
    '/api/emergency-access/export',
    {
      schema: {
        tags,
        summary: 'The events as CSV (all, or awaiting review, or reviewed); the export is audited',
        querystring: ExportQuery,
        response: { 200: CsvDownload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const made = await exportGrants(app.db, contextOf(request), request.query);
      reply.headers(exportHeaders(made.rows, made.truncated));
      return sendCsv(reply, `emergency-access-${new Date().toISOString().slice(0, 10)}.csv`, made.csv);
    },
  );

  app.get(
    '/api/emergency-access/:id',
    {
      schema: {
        tags,
        summary: 'One event with what was read under it, for its review',
        params: IdParams,
        response: { 200: GrantDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await getGrant(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/emergency-access/:id/review',
    {
      schema: {
        tags,
        summary: 'Mark an event reviewed, with a finding and a note',
        params: IdParams,
        body: ReviewBody,
        response: { 200: GrantSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await reviewGrant(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );
};
