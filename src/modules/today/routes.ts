import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../lib/http/auth.ts';
import { DateOnly, problems, Uuid } from '../../lib/http/schemas.ts';
import type { ModuleOptions } from '../../lib/modules.ts';
import { readToday } from './service.ts';

export const todayRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { registry }) => {
  const TodaySchema = Type.Object({
    staffId: Uuid,
    date: DateOnly,
    timeZone: Type.String(),
    // One property per module section (tasks, contacts due…), each a list of its own items.
    sections: Type.Object(Object.fromEntries(registry.todaySources.map((source) => [source.key, Type.Array(source.item)]))),
    staff: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), { description: 'A supervisor’s staff, whose day they may open' }),
    overview: Type.Array(Type.Object({ staffId: Uuid, name: Type.String(), counts: Type.Record(Type.String(), Type.Integer()) }), {
      description: 'For a supervisor reading their own day: how much each of their staff has due (counts only)',
    }),
  });

  app.get(
    '/api/today',
    {
      schema: {
        tags: ['today'],
        summary: 'Today’s worklist: what is due and overdue, for me or (a supervisor) one of my staff',
        querystring: Type.Object({ staffId: Type.Optional(Uuid) }),
        response: { 200: TodaySchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => readToday(app.db, contextOf(request), registry, request.query.staffId),
  );
};
