import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { CreateProgramBody, ProgramListQuery, ProgramMember, ProgramSchema, UpdateProgramBody } from './schemas.ts';
import { createProgram, deleteProgram, getProgram, listProgramMembers, listPrograms, presentProgram, updateProgram } from './service.ts';

export const programRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['programs'];

  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Programs of my organization',
        querystring: ProgramListQuery,
        response: { 200: page(ProgramSchema), ...problems(400, 401) },
      },
    },
    async (request) => {
      const result = await listPrograms(app.db, contextOf(request), request.query);
      return { items: result.items.map(presentProgram), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/programs',
    {
      config: { cookieOnly: true }, // management is never done with an API key
      schema: {
        tags,
        summary: 'Create a program',
        body: CreateProgramBody,
        response: { 201: ProgramSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await createProgram(app.db, contextOf(request), request.body);
      return reply.code(201).header('location', `/api/programs/${row.id}`).header('etag', `"${row.version}"`).send(presentProgram(row));
    },
  );

  app.get(
    '/api/programs/:id',
    { schema: { tags, summary: 'One program', params: IdParams, response: { 200: ProgramSchema, ...problems(401, 404) } } },
    async (request, reply) => {
      const row = await getProgram(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${row.version}"`).send(presentProgram(row));
    },
  );

  app.get(
    '/api/programs/:id/members',
    {
      schema: {
        tags,
        summary: 'The clinical staff of a program (to choose a care team member or a primary case manager)',
        params: IdParams,
        response: { 200: page(ProgramMember), ...problems(401, 403, 404) },
      },
    },
    async (request) => listProgramMembers(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/programs/:id',
    {
      config: { cookieOnly: true }, // management is never done with an API key
      schema: {
        tags,
        summary: 'Change a program',
        params: IdParams,
        body: UpdateProgramBody,
        response: { 200: ProgramSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await updateProgram(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${row.version}"`).send(presentProgram(row));
    },
  );

  app.delete(
    '/api/programs/:id',
    {
      config: { cookieOnly: true }, // management is never done with an API key
      schema: {
        tags,
        summary: 'Remove a program (soft delete)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ifMatch = request.headers['if-match'];
      await deleteProgram(app.db, contextOf(request), request.params.id, ifMatch ? versionFrom(request, undefined) : undefined);
      return reply.code(204).send(null);
    },
  );
};
