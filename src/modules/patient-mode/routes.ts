import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LOCALES } from '../../codes.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { credentialRateLimit } from '../../lib/http/rate-limits.ts';
import { IdParams, Instant, Nullable, problems, Uuid } from '../../lib/http/schemas.ts';
import { getPatientMode, startPatientMode, unlockPatientMode } from './service.ts';

const PatientModeSchema = Type.Object({
  assessmentId: Nullable(Uuid),
  locale: Nullable(Type.Enum(LOCALES)),
  startedAt: Nullable(Instant),
});

export const patientModeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['assessments'];

  app.get(
    '/api/session/patient-mode',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Whether this session is handed to a patient, and for which assessment',
        response: { 200: PatientModeSchema, ...problems(401, 403) },
      },
    },
    async (request) => getPatientMode(app.db, contextOf(request)),
  );

  app.post(
    '/api/assessments/:id/patient-mode',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Hand the device to the patient: lock this session to the assessment until staff unlock it',
        params: IdParams,
        body: Type.Object({ locale: Type.Enum(LOCALES) }, { additionalProperties: false }),
        response: { 200: PatientModeSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => startPatientMode(app.db, contextOf(request), request.params.id, request.body.locale),
  );

  app.post(
    '/api/session/patient-mode/unlock',
    {
      config: { cookieOnly: true, rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags,
        summary: 'Take the device back from the patient with your password (checked on the server)',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await unlockPatientMode(app.db, app.secrets, contextOf(request), request.body.currentPassword);
      return reply.code(204).send(null);
    },
  );
};
