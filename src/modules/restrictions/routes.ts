import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, problems } from '../../lib/http/schemas.ts';
import { LiftBody, RestrictedRecordSchema, RestrictionBody, RestrictionSchema } from './schemas.ts';
import { lift, listRestricted, restrict } from './service.ts';

/** The version to change a restriction, when one is sent (If-Match or the body); none to create one. */
function optionalVersion(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  return bodyVersion === undefined && !request.headers['if-match'] ? undefined : versionFrom(request, bodyVersion);
}

export const restrictionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['restrictions'];
  for (const scope of ['patient', 'episode'] as const) {
    const base = scope === 'patient' ? '/api/patients/:id/restriction' : '/api/episodes/:id/restriction';
    app.put(
      base,
      {
        schema: {
          tags,
          summary:
            scope === 'patient'
              ? 'Restrict a patient’s record (supervisors), or change its reason, allow list and excluded staff (with the version read)'
              : 'Restrict one episode and its records (supervisors), or change its restriction (with the version read)',
          params: IdParams,
          body: RestrictionBody,
          response: { 200: RestrictionSchema, 201: RestrictionSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { created, view } = await restrict(
          app.db,
          contextOf(request),
          { scope, id: request.params.id },
          request.body,
          optionalVersion(request, request.body.version),
        );
        return reply
          .code(created ? 201 : 200)
          .header('etag', `"${view.version}"`)
          .send(view);
      },
    );
    app.post(
      `${base}/lifting`,
      {
        schema: {
          tags,
          summary: scope === 'patient' ? 'Lift a patient’s restriction (supervisors)' : 'Lift an episode’s restriction (supervisors)',
          params: IdParams,
          body: LiftBody,
          response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await lift(app.db, contextOf(request), { scope, id: request.params.id }, versionFrom(request, request.body.version));
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/restricted-records',
    {
      schema: {
        tags,
        summary: 'The privacy officer’s list of restricted patients and episodes: who, by whom, when, why; never the chart',
        response: { 200: Type.Object({ items: Type.Array(RestrictedRecordSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listRestricted(app.db, contextOf(request)) }),
  );
};
