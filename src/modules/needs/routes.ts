import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import type { NeedView, StrengthView } from './presenter.ts';
import {
  CreateNeedBody,
  NeedSchema,
  NeedTransitionBody,
  StrengthBody,
  StrengthSchema,
  UpdateNeedBody,
  UpdateStrengthBody,
} from './schemas.ts';
import { createNeed, getNeed, listEpisodeNeeds, transitionNeed, updateNeed } from './service.ts';
import { createStrength, deleteStrength, getStrength, listStrengths, updateStrength } from './strengths.ts';

type Reply = { header: (name: string, value: string) => unknown };
const tagged = <T extends NeedView | StrengthView>(reply: Reply, view: T): T => {
  reply.header('etag', `"${view.version}"`);
  return view;
};

export const needsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['needs'];

  app.get(
    '/api/episodes/:id/needs',
    {
      schema: {
        tags,
        summary: 'The needs of an episode: proposals first, then open needs by urgency',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(NeedSchema) }), ...problems(401, 404) },
      },
    },
    async (request) => ({ items: await listEpisodeNeeds(app.db, contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/episodes/:id/needs',
    {
      schema: {
        tags,
        summary: 'Record a need (staff judgement, or citing a completed screen)',
        params: IdParams,
        body: CreateNeedBody,
        response: { 201: NeedSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await createNeed(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/needs/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/needs/:id',
    { schema: { tags, summary: 'One need with its history', params: IdParams, response: { 200: NeedSchema, ...problems(401, 404) } } },
    async (request, reply) => tagged(reply, await getNeed(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'Change a need’s urgency or description',
        params: IdParams,
        body: UpdateNeedBody,
        response: { 200: NeedSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await updateNeed(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/needs/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Confirm or dismiss a proposed need (a reason), or change a need’s status',
        params: IdParams,
        body: NeedTransitionBody,
        response: { 200: NeedSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => tagged(reply, await transitionNeed(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/patients/:id/strengths',
    {
      schema: {
        tags,
        summary: 'The patient’s strengths inventory',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(StrengthSchema) }), ...problems(401, 404) },
      },
    },
    async (request) => ({ items: await listStrengths(app.db, contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/patients/:id/strengths',
    {
      schema: {
        tags,
        summary: 'Add a strength: what the patient does well, has, enjoys, or who is there for them',
        params: IdParams,
        body: StrengthBody,
        response: { 201: StrengthSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const view = await createStrength(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/strengths/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/strengths/:id',
    { schema: { tags, summary: 'One strength', params: IdParams, response: { 200: StrengthSchema, ...problems(401, 404) } } },
    async (request, reply) => tagged(reply, await getStrength(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/strengths/:id',
    {
      schema: {
        tags,
        summary: 'Edit a strength',
        params: IdParams,
        body: UpdateStrengthBody,
        response: { 200: StrengthSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await updateStrength(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.delete(
    '/api/strengths/:id',
    {
      schema: {
        tags,
        summary: 'Remove a strength (kept, marked deleted, audited); send If-Match with the version',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      // The version is read after the access check, so an outsider gets 404 whatever they send.
      await deleteStrength(app.db, contextOf(request), request.params.id, () => versionFrom(request, undefined));
      return reply.code(204).send(null);
    },
  );
};
