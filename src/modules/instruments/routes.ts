import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { problems } from '../../lib/http/schemas.ts';
import {
  ImportBody,
  InstrumentDetail,
  InstrumentParams,
  InstrumentQuery,
  InstrumentSummary,
  ScoreBody,
  ScoreResultSchema,
} from './schemas.ts';
import { findInstrument, importInstrument, listInstruments, scoreInstrument, summarize } from './service.ts';

export const instrumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['instruments'];

  app.get(
    '/api/instruments',
    {
      schema: {
        tags,
        summary: 'The screening and assessment instruments: built in, and loaded by the organization',
        response: { 200: Type.Object({ items: Type.Array(InstrumentSummary) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await listInstruments(app.db, contextOf(request)) }),
  );

  app.get(
    '/api/instruments/:key',
    {
      schema: {
        tags,
        summary: 'One instrument: its newest version, or the one asked for',
        params: InstrumentParams,
        querystring: InstrumentQuery,
        response: { 200: InstrumentDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const entry = await findInstrument(app.db, contextOf(request), request.params.key, request.query.version);
      return { ...summarize(entry), definition: entry.definition };
    },
  );

  app.post(
    '/api/instruments/:key/score',
    {
      schema: {
        tags,
        summary: 'Score answers without saving them (previews, integrations)',
        params: InstrumentParams,
        body: ScoreBody,
        response: { 200: ScoreResultSchema, ...problems(400, 401, 404, 422) },
      },
    },
    async (request) => scoreInstrument(app.db, contextOf(request), request.params.key, request.body),
  );

  app.post(
    '/api/instruments',
    {
      config: { cookieOnly: true }, // management is never done with an API key
      schema: {
        tags,
        summary: 'Load an instrument the organization is licensed to use',
        body: ImportBody,
        response: { 201: InstrumentSummary, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const summary = await importInstrument(app.db, contextOf(request), request.body);
      return reply
        .code(201)
        .header('location', `/api/instruments/${summary.key}?version=${encodeURIComponent(summary.version)}`)
        .send(summary);
    },
  );
};
