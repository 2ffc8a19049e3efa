import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { page, problems } from '../../lib/http/schemas.ts';
import { PatientParams } from '../patients/schemas.ts';
import { CaseloadRow, myCaseload } from './caseload.ts';
import { addMember, endMember, handoff, reassignCaseload } from './care-team.ts';
import { addPlacement, updatePlacement } from './placements.ts';
import { EpisodeView, presentEpisode } from './presenter.ts';
import {
  AddMemberBody,
  CaseloadQuery,
  EndMemberBody,
  EpisodeParams,
  HandoffBody,
  OpenEpisodeBody,
  PlacementBody,
  ReassignmentBody,
  TransitionBody,
  UpdateEpisodeBody,
  UpdatePlacementBody,
} from './schemas.ts';
import { openEpisode, transitionEpisode, updateEpisode, withEpisode } from './service.ts';

export const episodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['episodes'];
  const errors = problems(400, 401, 403, 404, 409, 422);
  // After a write the caller sees the episode as it now is (the write itself was audited).
  const current = (episodeId: string) => presentEpisode(app.db, episodeId);

  app.post(
    '/api/patients/:id/episodes',
    {
      schema: {
        tags,
        summary: 'Open an episode of care in a program, with its primary case manager',
        params: PatientParams,
        body: OpenEpisodeBody,
        response: { 201: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await openEpisode(app.db, contextOf(request), request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/api/episodes/${id}`)
        .send(await current(id));
    },
  );

  app.get(
    '/api/episodes/:id',
    {
      schema: {
        tags,
        summary: 'An episode with its phases, placements and care team',
        params: EpisodeParams,
        response: { 200: EpisodeView, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const episode = await withEpisode(app.db, contextOf(request), request.params.id, async (tx, audit) => {
        await audit({ action: 'read', recordType: 'episode', recordId: request.params.id });
        return presentEpisode(tx, request.params.id);
      });
      return reply.header('etag', `"${episode.version}"`).send(episode);
    },
  );

  app.patch(
    '/api/episodes/:id',
    {
      schema: {
        tags,
        summary: 'Change an episode’s referral details',
        params: EpisodeParams,
        body: UpdateEpisodeBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request) => {
      await updateEpisode(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body);
      return current(request.params.id);
    },
  );

  app.post(
    '/api/episodes/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move the episode along the continuum (or close it)',
        params: EpisodeParams,
        body: TransitionBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request) => {
      await transitionEpisode(app.db, contextOf(request), request.params.id, request.body);
      return current(request.params.id);
    },
  );

  app.post(
    '/api/episodes/:id/placements',
    {
      schema: {
        tags,
        summary: 'Record a level-of-care placement',
        params: EpisodeParams,
        body: PlacementBody,
        response: { 201: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      await addPlacement(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).send(await current(request.params.id));
    },
  );

  app.patch(
    '/api/placements/:id',
    {
      schema: {
        tags,
        summary: 'Change a placement (planned or actual end, provider, note)',
        params: EpisodeParams,
        body: UpdatePlacementBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await updatePlacement(app.db, contextOf(request), request.params.id, versionFrom(request, request.body.version), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/episodes/:id/care-team',
    {
      schema: {
        tags,
        summary: 'Add a staff member or an external contact to the care team',
        params: EpisodeParams,
        body: AddMemberBody,
        response: { 201: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      await addMember(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).send(await current(request.params.id));
    },
  );

  app.post(
    '/api/care-team-members/:id/ending',
    {
      schema: {
        tags,
        summary: 'End a care team membership',
        params: EpisodeParams,
        body: EndMemberBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await endMember(app.db, contextOf(request), request.params.id, request.body.endedOn);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/episodes/:id/handoffs',
    {
      schema: {
        tags,
        summary: 'Hand the episode to a new primary case manager, with a note',
        params: EpisodeParams,
        body: HandoffBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request) => {
      await handoff(app.db, contextOf(request), request.params.id, request.body);
      return current(request.params.id);
    },
  );

  app.post(
    '/api/caseload-reassignments',
    {
      schema: {
        tags,
        summary: 'A supervisor moves a colleague’s caseload to one or several colleagues (each as a handoff)',
        body: ReassignmentBody,
        response: {
          200: Type.Object({ handoffs: Type.Array(Type.Object({ episodeId: Type.String(), toUserId: Type.String() })) }),
          ...errors,
        },
      },
    },
    async (request) => ({ handoffs: await reassignCaseload(app.db, contextOf(request), request.body) }),
  );

  app.get(
    '/api/caseload',
    {
      schema: {
        tags,
        summary: 'My caseload: open episodes whose care team I am on',
        querystring: CaseloadQuery,
        response: { 200: page(CaseloadRow), ...problems(400, 401) },
      },
    },
    async (request) => myCaseload(app.db, contextOf(request), request.query),
  );
};
