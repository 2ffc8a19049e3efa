import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, Nullable, problems } from '../../lib/http/schemas.ts';
import type { ModuleOptions } from '../../lib/modules.ts';
import { getMerge, mergePatients, undoMerge } from './merges.ts';
import { patientOverviewSchema, type PatientOverview } from './presenter.ts';
import { CreatePatientBody, MergeBody, PatientSearchPage, PatientSearchQuery, UpdatePatientBody } from './schemas.ts';
import { createPatient, getPatient, searchPatients, updatePatient } from './service.ts';
import { reviewRoutes } from './review-routes.ts';
import { ReviewView } from './reviews.ts';

const MergeView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  survivorId: Type.String({ format: 'uuid' }),
  mergedId: Type.String({ format: 'uuid' }),
  reason: Type.String(),
  mergedBy: Type.String({ format: 'uuid' }),
  mergedAt: Type.String({ format: 'date-time' }),
  undoneBy: Nullable(Type.String({ format: 'uuid' })),
  undoneAt: Nullable(Type.String({ format: 'date-time' })),
});

export const patientRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { registry }) => {
  const tags = ['patients'];
  await app.register(reviewRoutes);
  // The overview's shape includes every module's section (src/lib/modules.ts).
  const PatientOverviewView = patientOverviewSchema(registry.overviewSections);
  const withEtag = (patient: PatientOverview) => ({ etag: `"${patient.version}"` });

  app.get(
    '/api/patients',
    {
      schema: {
        tags,
        summary: 'Search the patients I may see (ranked; at most `limit`, no further pages: see docs/api.md)',
        querystring: PatientSearchQuery,
        response: { 200: PatientSearchPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => searchPatients(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/patients',
    {
      schema: {
        tags,
        summary:
          'Register a patient (409 possible-duplicate lists likely matches you may see; 202 when a supervisor must review the registration first)',
        body: CreatePatientBody,
        response: { 201: PatientOverviewView, 202: Type.Object({ review: ReviewView }), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const registration = await createPatient(app.db, contextOf(request), registry, request.body);
      if ('review' in registration) {
        return reply.code(202).header('location', `/api/registration-reviews/${registration.review.id}`).send(registration);
      }
      const { patient } = registration;
      return reply.code(201).header('location', `/api/patients/${patient.id}`).headers(withEtag(patient)).send(patient);
    },
  );

  app.get(
    '/api/patients/:id',
    {
      schema: {
        tags,
        summary: 'A patient with each module’s part of the overview (episodes, level of care, care team…)',
        params: IdParams,
        response: { 200: PatientOverviewView, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const patient = await getPatient(app.db, contextOf(request), registry, request.params.id);
      return reply.headers(withEtag(patient)).send(patient);
    },
  );

  app.patch(
    '/api/patients/:id',
    {
      schema: {
        tags,
        summary: 'Change a patient’s record (phones, identifiers, coverages given are replaced whole)',
        params: IdParams,
        body: UpdatePatientBody,
        response: { 200: PatientOverviewView, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const version = versionFrom(request, request.body.version);
      const patient = await updatePatient(app.db, contextOf(request), registry, request.params.id, version, request.body);
      return reply.headers(withEtag(patient)).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/merges',
    {
      schema: {
        tags,
        summary: 'Merge another record of the same person into this one (kept, reversible)',
        params: IdParams,
        body: MergeBody,
        response: { 201: MergeView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const mergeId = await mergePatients(app.db, ctx, registry, request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/api/patient-merges/${mergeId}`)
        .send(await getMerge(app.db, ctx, mergeId));
    },
  );

  app.get(
    '/api/patient-merges/:id',
    {
      schema: {
        tags,
        summary: 'A merge: which record went into which, why and by whom',
        params: IdParams,
        response: { 200: MergeView, ...problems(401, 404) },
      },
    },
    async (request) => getMerge(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/patient-merges/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge: what moved goes back',
        params: IdParams,
        response: { 200: MergeView, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await undoMerge(app.db, ctx, registry, request.params.id);
      return getMerge(app.db, ctx, request.params.id);
    },
  );
};
