import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleOptions } from '../../lib/modules.ts';
import { Type } from 'typebox';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf } from '../../lib/http/auth.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { CaseloadRow, CaseManagerLoad, caseManagerLoads, myCaseload, OpenEpisodeCounts, openEpisodeCounts } from './caseload.ts';
import { addMember, endMember, getMember, handoff, reassignCaseload } from './care-team.ts';
import { addPlacement, getPlacement, updatePlacement } from './placements.ts';
import { CareTeamMemberView, EpisodeView, PlacementView } from './presenter.ts';
import {
  AddMemberBody,
  CaseloadQuery,
  EndMemberBody,
  HandoffBody,
  OpenEpisodeBody,
  PlacementBody,
  ReassignmentBody,
  TransitionBody,
  UpdateEpisodeBody,
  UpdatePlacementBody,
} from './schemas.ts';
import { getEpisode, openEpisode, transitionEpisode, updateEpisode } from './service.ts';

export const episodeRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { registry }) => {
  // Other modules' parts of the episode screen (assessments…), in the same read.
  const EpisodeScreen = Type.Object({
    ...EpisodeView.properties,
    ...Object.fromEntries(registry.episodeSections.map((section) => [section.key, Type.Optional(section.schema)])),
  });
  const tags = ['episodes'];
  const errors = problems(400, 401, 403, 404, 409, 422);
  const etag = (record: { version: number }) => ({ etag: `"${record.version}"` });

  app.post(
    '/api/patients/:id/episodes',
    {
      schema: {
        tags,
        summary: 'Open an episode of care in a program, with its primary case manager',
        params: IdParams,
        body: OpenEpisodeBody,
        response: { 201: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      const episode = await openEpisode(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/episodes/${episode.id}`).headers(etag(episode)).send(episode);
    },
  );

  app.get(
    '/api/episodes/:id',
    {
      schema: {
        tags,
        summary: 'An episode with its phases, placements and care team, and every module’s part of it',
        params: IdParams,
        response: { 200: EpisodeScreen, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const episode = await getEpisode(app.db, contextOf(request), request.params.id, registry.episodeSections);
      return reply.headers(etag(episode)).send(episode);
    },
  );

  app.patch(
    '/api/episodes/:id',
    {
      schema: {
        tags,
        summary: 'Change an episode’s referral details',
        params: IdParams,
        body: UpdateEpisodeBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      const version = versionFrom(request, request.body.version);
      const episode = await updateEpisode(app.db, contextOf(request), request.params.id, version, request.body);
      return reply.headers(etag(episode)).send(episode);
    },
  );

  app.post(
    '/api/episodes/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move the episode along the continuum (or close it)',
        params: IdParams,
        body: TransitionBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      const episode = await transitionEpisode(app.db, contextOf(request), request.params.id, request.body);
      return reply.headers(etag(episode)).send(episode);
    },
  );

  app.post(
    '/api/episodes/:id/placements',
    {
      schema: {
        tags,
        summary: 'Record a level-of-care placement',
        params: IdParams,
        body: PlacementBody,
        response: { 201: PlacementView, ...errors },
      },
    },
    async (request, reply) => {
      const placement = await addPlacement(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/placements/${placement.id}`).headers(etag(placement)).send(placement);
    },
  );

  app.get(
    '/api/placements/:id',
    { schema: { tags, summary: 'A level-of-care placement', params: IdParams, response: { 200: PlacementView, ...problems(401, 404) } } },
    async (request, reply) => {
      const placement = await getPlacement(app.db, contextOf(request), request.params.id);
      return reply.headers(etag(placement)).send(placement);
    },
  );

  app.patch(
    '/api/placements/:id',
    {
      schema: {
        tags,
        summary: 'Change a placement (planned or actual end, provider, note)',
        params: IdParams,
        body: UpdatePlacementBody,
        response: { 200: PlacementView, ...errors },
      },
    },
    async (request, reply) => {
      const version = versionFrom(request, request.body.version);
      const placement = await updatePlacement(app.db, contextOf(request), request.params.id, version, request.body);
      return reply.headers(etag(placement)).send(placement);
    },
  );

  app.post(
    '/api/episodes/:id/care-team',
    {
      schema: {
        tags,
        summary: 'Add a staff member or an external contact to the care team',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: CareTeamMemberView, ...errors },
      },
    },
    async (request, reply) => {
      const member = await addMember(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/care-team-members/${member.id}`).send(member);
    },
  );

  app.get(
    '/api/care-team-members/:id',
    {
      schema: { tags, summary: 'A care team membership', params: IdParams, response: { 200: CareTeamMemberView, ...problems(401, 404) } },
    },
    async (request) => getMember(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/care-team-members/:id/ending',
    {
      schema: {
        tags,
        summary: 'End a care team membership',
        params: IdParams,
        body: EndMemberBody,
        response: { 200: CareTeamMemberView, ...errors },
      },
    },
    async (request) => endMember(app.db, contextOf(request), request.params.id, request.body.endedOn),
  );

  app.post(
    '/api/episodes/:id/handoffs',
    {
      schema: {
        tags,
        summary: 'Hand the episode to a new primary case manager, with a note',
        params: IdParams,
        body: HandoffBody,
        response: { 200: EpisodeView, ...errors },
      },
    },
    async (request, reply) => {
      const episode = await handoff(app.db, contextOf(request), request.params.id, request.body);
      return reply.headers(etag(episode)).send(episode);
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
        response: { 200: page(CaseloadRow), ...problems(400, 401, 403) },
      },
    },
    async (request) => myCaseload(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/users/:id/open-episodes',
    {
      schema: {
        tags,
        summary: 'How many open episodes a staff member carries, as primary case manager and otherwise (counts only)',
        params: IdParams,
        response: { 200: OpenEpisodeCounts, ...problems(401, 403, 404) },
      },
    },
    async (request) => openEpisodeCounts(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/caseload-loads',
    {
      schema: {
        tags,
        summary: 'A supervisor’s view of each case manager’s load in the programs they supervise (counts only)',
        querystring: Type.Object({ programId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Type.Object({ items: Type.Array(CaseManagerLoad) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: await caseManagerLoads(app.db, contextOf(request), request.query.programId) }),
  );
};
