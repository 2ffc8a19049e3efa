import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { sendCsv } from '../../lib/http/csv.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { CsvDownload, exportHeaders } from '../audit/exports.ts';
import { todayOf } from '../patients/access.ts';
import {
  disclosureLog,
  emergencyQueue,
  expiringConsents,
  exportDisclosureLog,
  exportEmergencyDisclosures,
  exportExpiringConsents,
  privacySummary,
  reviewEmergencyDisclosure,
} from './privacy.ts';
import {
  DisclosureLogItem,
  DisclosureLogQuery,
  EmergencyQueueItem,
  EmergencyQueueQuery,
  ExpiringConsentItem,
  ExpiringQuery,
  PrivacySummarySchema,
  ReviewBody,
} from './schemas.ts';

/** The privacy officer's routes (permission `disclosures:review`; docs/privacy-office.md). */
export const privacyOfficeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['privacy office'];
  // The file is named for the organization's day.
  const day = (request: FastifyRequest) => todayOf(contextOf(request).actor);

  app.get(
    '/api/privacy-office/summary',
    {
      schema: {
        tags,
        summary:
          'Counts for the privacy office: emergency disclosures awaiting review, consents expiring in 30 days, disclosures this month',
        response: { 200: PrivacySummarySchema, ...problems(401, 403) },
      },
    },
    async (request) => privacySummary(app.db, contextOf(request)),
  );

  app.get(
    '/api/emergency-disclosures',
    {
      schema: {
        tags,
        summary: 'Emergency disclosures (§ 2.51) awaiting review, oldest first, or reviewed, newest review first (200 at most)',
        querystring: EmergencyQueueQuery,
        response: { 200: Type.Object({ items: Type.Array(EmergencyQueueItem) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: await emergencyQueue(app.db, contextOf(request), request.query.status) }),
  );

  app.get(
    '/api/emergency-disclosures/export',
    {
      schema: {
        tags,
        summary: 'The emergency disclosures awaiting review or reviewed, as CSV (audited as an export)',
        querystring: EmergencyQueueQuery,
        response: { 200: CsvDownload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const status = request.query.status ?? 'awaiting-review';
      const made = await exportEmergencyDisclosures(app.db, contextOf(request), status);
      reply.headers(exportHeaders(made.rows, made.truncated));
      return sendCsv(reply, `emergency-disclosures-${status}-${day(request)}.csv`, made.csv);
    },
  );

  app.post(
    '/api/emergency-disclosures/:id/review',
    {
      schema: {
        tags,
        summary: 'Record the privacy officer’s finding on an emergency disclosure (a later finding replaces it, audited)',
        params: IdParams,
        body: ReviewBody,
        response: { 200: EmergencyQueueItem, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await reviewEmergencyDisclosure(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/disclosures',
    {
      schema: {
        tags,
        summary: 'Every disclosure of the organization, newest first (the privacy officer’s log)',
        querystring: DisclosureLogQuery,
        response: { 200: page(DisclosureLogItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => disclosureLog(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/disclosures/export',
    {
      schema: {
        tags,
        summary: 'The disclosures log with the same filters, as CSV (at most 50,000 rows; audited as an export)',
        querystring: Type.Omit(DisclosureLogQuery, ['limit', 'cursor'], { additionalProperties: false }),
        response: { 200: CsvDownload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const made = await exportDisclosureLog(app.db, contextOf(request), request.query);
      reply.headers(exportHeaders(made.rows, made.truncated));
      return sendCsv(reply, `disclosures-${day(request)}.csv`, made.csv);
    },
  );

  app.get(
    '/api/consents/expiring',
    {
      schema: {
        tags,
        summary: 'Consents in effect that expire within the next days (default 30), soonest first (500 at most)',
        querystring: ExpiringQuery,
        response: {
          200: Type.Object({ items: Type.Array(ExpiringConsentItem), truncated: Type.Boolean() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => expiringConsents(app.db, contextOf(request), request.query.withinDays ?? 30),
  );

  app.get(
    '/api/consents/expiring/export',
    {
      schema: {
        tags,
        summary: 'Consents expiring within the next days, as CSV (audited as an export)',
        querystring: ExpiringQuery,
        response: { 200: CsvDownload, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const withinDays = request.query.withinDays ?? 30;
      const made = await exportExpiringConsents(app.db, contextOf(request), withinDays);
      reply.headers(exportHeaders(made.rows, made.truncated));
      return sendCsv(reply, `consents-expiring-${withinDays}-days-${day(request)}.csv`, made.csv);
    },
  );
};
