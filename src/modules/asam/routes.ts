import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import {
  AsamReviewSchema,
  CorrectReviewBody,
  ReviewVersionBody,
  StartReviewBody,
  UpdateReviewBody,
  type AsamReviewView,
} from './schemas.ts';
import { completeReview, correctReview, getReview, listEpisodeReviews, startReview, updateReview } from './service.ts';

export const asamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['asam'];
  const withEtag = (reply: { header: (name: string, value: string) => unknown }, view: AsamReviewView) => {
    reply.header('etag', `"${view.version}"`);
    return view;
  };

  app.get(
    '/api/episodes/:id/asam-reviews',
    {
      schema: {
        tags,
        summary: 'The ASAM reviews of an episode, newest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AsamReviewSchema) }), ...problems(401, 404) },
      },
    },
    async (request) => ({ items: await listEpisodeReviews(app.db, contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/episodes/:id/asam-reviews',
    {
      schema: {
        tags,
        summary: 'Start an ASAM review in an episode, in an edition of the criteria',
        params: IdParams,
        body: StartReviewBody,
        response: { 201: AsamReviewSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await startReview(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/asam-reviews/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/asam-reviews/:id',
    { schema: { tags, summary: 'One ASAM review', params: IdParams, response: { 200: AsamReviewSchema, ...problems(401, 404) } } },
    async (request, reply) => withEtag(reply, await getReview(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/asam-reviews/:id',
    {
      schema: {
        tags,
        summary: 'Save ratings, notes and levels as they are decided (a review in progress)',
        params: IdParams,
        body: UpdateReviewBody,
        response: { 200: AsamReviewSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await updateReview(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/asam-reviews/:id/completion',
    {
      schema: {
        tags,
        summary: 'Complete: every dimension rated, the levels set, a reason when they differ; it never changes after',
        params: IdParams,
        body: ReviewVersionBody,
        response: { 200: AsamReviewSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await completeReview(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version))),
  );

  app.post(
    '/api/asam-reviews/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct a completed review: a new one supersedes it, with a reason',
        params: IdParams,
        body: CorrectReviewBody,
        response: { 201: AsamReviewSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await correctReview(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.code(201).header('location', `/api/asam-reviews/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );
};
