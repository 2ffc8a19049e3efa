import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import {
  AccountingQuery,
  CheckResultSchema,
  ConsentSchema,
  ConsentSummarySchema,
  CreateConsentBody,
  DisclosureBody,
  DisclosureMadeSchema,
  DisclosureRequestBody,
  DisclosureSchema,
  EmergencyDisclosureBody,
  EndConsentBody,
} from './schemas.ts';
import {
  checkDisclosure,
  createConsent,
  endConsent,
  getConsent,
  listConsents,
  listDisclosures,
  recordDisclosure,
  recordEmergencyDisclosure,
} from './service.ts';
import { privacyOfficeRoutes } from './privacy-routes.ts';

export const consentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['consents'];

  app.get(
    '/api/patients/:id/consents',
    {
      schema: {
        tags,
        summary: 'A patient’s consents (and refusals), newest signature first, each with its state today',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ConsentSummarySchema) }), ...problems(401, 404) },
      },
    },
    async (request) => ({ items: await listConsents(app.db, contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/patients/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a Part 2 written consent with every required element, or a refusal to sign',
        params: IdParams,
        body: CreateConsentBody,
        response: { 201: ConsentSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const view = await createConsent(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/consents/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/consents/:id',
    {
      schema: {
        tags,
        summary: 'One consent, with its signature and statements',
        params: IdParams,
        response: { 200: ConsentSchema, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const view = await getConsent(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/consents/:id/end',
    {
      schema: {
        tags,
        summary: 'Revoke a consent (dated: stops disclosures from that day), or record that its expiration event happened',
        params: IdParams,
        body: EndConsentBody,
        response: { 200: ConsentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await endConsent(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/patients/:id/disclosure-checks',
    {
      schema: {
        tags,
        summary: 'May this information go to this recipient for this purpose now, and under which consent?',
        params: IdParams,
        body: DisclosureRequestBody,
        response: { 200: CheckResultSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => checkDisclosure(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/patients/:id/disclosures',
    {
      schema: {
        tags,
        summary:
          'Record a disclosure made with consent (refused unless the check passes); answers the § 2.32 notice and the consent’s scope',
        params: IdParams,
        body: DisclosureBody,
        response: { 201: DisclosureMadeSchema, ...problems(400, 401, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await recordDisclosure(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/patients/:id/disclosures',
    {
      schema: {
        tags,
        summary: 'The accounting of disclosures: every disclosure since a day (default: three years back), newest first',
        params: IdParams,
        querystring: AccountingQuery,
        response: { 200: Type.Object({ items: Type.Array(DisclosureSchema) }), ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await listDisclosures(app.db, contextOf(request), request.params.id, request.query.since) }),
  );

  app.post(
    '/api/patients/:id/emergency-disclosures',
    {
      schema: {
        tags,
        summary: 'Document a disclosure without consent to medical personnel in a medical emergency (§ 2.51)',
        params: IdParams,
        body: EmergencyDisclosureBody,
        response: { 201: DisclosureSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordEmergencyDisclosure(app.db, contextOf(request), request.params.id, request.body)),
  );

  await privacyOfficeRoutes(app, {});
};
