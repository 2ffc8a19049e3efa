import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import { AbandonBody, AssessmentSchema, CorrectBody, StartBody, UpdateAnswersBody, VersionBody } from './schemas.ts';
import {
  abandonAssessment,
  completeAssessment,
  correctAssessment,
  getAssessment,
  listEpisodeAssessments,
  recordCrisisStepsShown,
  startAssessment,
  updateAnswers,
  type AssessmentView,
} from './service.ts';

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['assessments'];
  const answer = (reply: { header: (name: string, value: string) => unknown }, view: AssessmentView) => {
    reply.header('etag', `"${view.version}"`);
    return view;
  };

  app.get(
    '/api/episodes/:id/assessments',
    {
      schema: {
        tags,
        summary: 'The assessments of an episode, newest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AssessmentSchema) }), ...problems(401, 404) },
      },
    },
    async (request) => ({ items: await listEpisodeAssessments(app.db, contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/episodes/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Start administering an instrument in an episode',
        params: IdParams,
        body: StartBody,
        response: { 201: AssessmentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await startAssessment(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/assessments/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/assessments/:id',
    { schema: { tags, summary: 'One assessment', params: IdParams, response: { 200: AssessmentSchema, ...problems(401, 404) } } },
    async (request, reply) => answer(reply, await getAssessment(app.db, contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Save answers as they are given (an assessment in progress)',
        params: IdParams,
        body: UpdateAnswersBody,
        response: { 200: AssessmentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await updateAnswers(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/assessments/:id/completion',
    {
      schema: {
        tags,
        summary: 'Complete: score the saved answers; the result never changes after',
        params: IdParams,
        body: VersionBody,
        response: { 200: AssessmentSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      answer(reply, await completeAssessment(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version))),
  );

  app.post(
    '/api/assessments/:id/abandonment',
    {
      schema: {
        tags,
        summary: 'Abandon an assessment in progress, with a reason',
        params: IdParams,
        body: AbandonBody,
        response: { 200: AssessmentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await abandonAssessment(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body),
      ),
  );

  app.post(
    '/api/assessments/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct a completed assessment: a new one supersedes it, with a reason',
        params: IdParams,
        body: CorrectBody,
        response: { 201: AssessmentSchema, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await correctAssessment(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.code(201).header('location', `/api/assessments/${view.id}`).header('etag', `"${view.version}"`).send(view);
    },
  );

  app.post(
    '/api/assessments/:id/crisis-steps-shown',
    {
      schema: {
        tags,
        summary: 'Record that the crisis steps were shown for a critical result',
        params: IdParams,
        response: { 200: AssessmentSchema, ...problems(401, 404, 409) },
      },
    },
    async (request, reply) => answer(reply, await recordCrisisStepsShown(app.db, contextOf(request), request.params.id)),
  );
};
