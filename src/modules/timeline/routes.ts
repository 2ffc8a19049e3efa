import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, Instant, ListQuery, Nullable, problems, Uuid } from '../../lib/http/schemas.ts';
import type { ModuleOptions } from '../../lib/modules.ts';
import { readTimeline } from './service.ts';

const Param = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

const TimelineEntrySchema = Type.Object({
  at: Instant,
  key: Type.String(),
  kind: Type.String({ examples: ['task', 'episode', 'assessment', 'contact'] }),
  recordType: Type.String(),
  recordId: Uuid,
  episodeId: Nullable(Uuid),
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  summary: Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Param) }),
});

export const timelineRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { registry }) => {
  app.get(
    '/api/patients/:id/timeline',
    {
      schema: {
        tags: ['timeline'],
        summary: 'Everything that happened to a patient, newest first, filterable by kind, paged by cursor',
        params: IdParams,
        querystring: Type.Object({
          kinds: Type.Optional(
            Type.String({ pattern: '^[a-z-]+(,[a-z-]+)*$', maxLength: 300, description: 'Comma-separated kinds; all when left out' }),
          ),
          ...ListQuery,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(TimelineEntrySchema),
            nextCursor: Nullable(Type.String()),
            kinds: Type.Array(Type.String(), { description: 'Every kind the timeline has, for the filter' }),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => readTimeline(app.db, contextOf(request), registry, request.params.id, request.query),
  );
};
