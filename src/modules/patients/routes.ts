import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { page, problems } from '../../lib/http/schemas.ts';
import { PatientView } from './presenter.ts';
import { CreatePatientBody, MergeBody, PatientParams, PatientSearchQuery, PatientSummary, UpdatePatientBody } from './schemas.ts';
import { mergePatients, undoMerge } from './merges.ts';
import { createPatient, getPatient, searchPatients, updatePatient } from './service.ts';

export const patientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['patients'];

  app.get(
    '/api/patients',
    {
      schema: {
        tags,
        summary: 'Search the patients I may see (ranked; at most `limit`, no further pages)',
        querystring: PatientSearchQuery,
        response: { 200: page(PatientSummary), ...problems(400, 401, 403) },
      },
    },
    async (request) => searchPatients(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/patients',
    {
      schema: {
        tags,
        summary: 'Register a patient (409 possible-duplicate lists likely matches first)',
        body: CreatePatientBody,
        response: { 201: PatientView, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const patient = await createPatient(app.db, contextOf(request), request.body);
      return reply.code(201).header('location', `/api/patients/${patient.id}`).header('etag', `"${patient.version}"`).send(patient);
    },
  );

  app.get(
    '/api/patients/:id',
    {
      schema: {
        tags,
        summary: 'A patient with their episodes, level of care and care team',
        params: PatientParams,
        response: { 200: PatientView, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const patient = await getPatient(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${patient.version}"`).send(patient);
    },
  );

  app.patch(
    '/api/patients/:id',
    {
      schema: {
        tags,
        summary: 'Change a patient’s record (phones, identifiers, coverages given are replaced whole)',
        params: PatientParams,
        body: UpdatePatientBody,
        response: { 200: PatientView, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const patient = await updatePatient(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${patient.version}"`).send(patient);
    },
  );

  app.post(
    '/api/patients/:id/merges',
    {
      schema: {
        tags,
        summary: 'Merge another record of the same person into this one (kept, reversible)',
        params: PatientParams,
        body: MergeBody,
        response: { 201: PatientView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const mergeId = await mergePatients(app.db, ctx, request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/api/patient-merges/${mergeId}`)
        .send(await getPatient(app.db, ctx, request.params.id));
    },
  );

  app.post(
    '/api/patient-merges/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge: what moved goes back',
        params: PatientParams,
        response: { 200: PatientView, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return getPatient(app.db, ctx, await undoMerge(app.db, ctx, request.params.id));
    },
  );
};
