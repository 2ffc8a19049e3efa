import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, ListQuery, page, problems, Text, Version } from '../../lib/http/schemas.ts';
import { REVIEW_STATUSES } from './codes.ts';
import { decideReview, getReview, listReviews, ReviewDetail, ReviewView } from './reviews.ts';

const DecisionBody = Type.Object(
  {
    decision: Type.Enum(['register', 'decline'] as const),
    note: Text(2000, { description: 'For the person who registered: why, and what happens next' }),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);

/** Registrations waiting for a supervisor (reviews.ts). */
export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['patients'];

  app.get(
    '/api/registration-reviews',
    {
      schema: {
        tags,
        summary: 'Registration reviews: all of the organization for supervisors, my own for everyone else',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(REVIEW_STATUSES)), ...ListQuery }),
        response: { 200: page(ReviewView), ...problems(400, 401) },
      },
    },
    async (request) => listReviews(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/registration-reviews/:id',
    {
      schema: {
        tags,
        summary: 'A registration review (with the records it resembles, for supervisors)',
        params: IdParams,
        response: { 200: ReviewDetail, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const review = await getReview(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${review.version}"`).send(review);
    },
  );

  app.post(
    '/api/registration-reviews/:id/decision',
    {
      schema: {
        tags,
        summary: 'A supervisor registers the person, or declines: the same person is already known',
        params: IdParams,
        body: DecisionBody,
        response: { 200: ReviewView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      decideReview(app.db, contextOf(request), request.params.id, { ...request.body, version: versionFrom(request, request.body.version) }),
  );
};
