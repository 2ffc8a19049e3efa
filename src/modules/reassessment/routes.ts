import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import { PutScheduleBody, ScheduleSchema, ScoreHistorySchema } from './schemas.ts';
import { getSchedule, getScoreHistory, putSchedule } from './service.ts';

export const reassessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['reassessment'];

  app.get(
    '/api/programs/:id/reassessment-schedule',
    {
      schema: {
        tags,
        summary: 'Which instruments the program asks for when (version 0: none set yet)',
        params: IdParams,
        response: { 200: ScheduleSchema, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const view = await getSchedule(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.put(
    '/api/programs/:id/reassessment-schedule',
    {
      config: { cookieOnly: true }, // a program setting: never with an API key
      schema: {
        tags,
        summary: 'Set the program’s reassessment schedule (admins and the program’s supervisors)',
        params: IdParams,
        body: PutScheduleBody,
        response: { 200: ScheduleSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await putSchedule(app.db, contextOf(request), request.params.id, request.body);
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.get(
    '/api/patients/:id/score-history',
    {
      schema: {
        tags,
        summary: 'Each instrument’s totals over time for a patient, with its severity bands',
        params: IdParams,
        response: { 200: ScoreHistorySchema, ...problems(401, 404) },
      },
    },
    async (request) => getScoreHistory(app.db, contextOf(request), request.params.id),
  );
};
