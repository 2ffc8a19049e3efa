import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../../db/schema.ts';
import { versionFrom } from '../../lib/db/versions.ts';
import { contextOf, requestMeta } from '../../lib/http/auth.ts';
import { credentialRateLimit } from '../../lib/http/rate-limits.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { createIntegration } from './integrations.ts';
import { presentOneUser, UserSchema } from './presenter.ts';
import {
  AcceptInvitationBody,
  CreatedUser,
  CreateIntegrationBody,
  CreateUserBody,
  Invitation,
  InvitationParams,
  InvitationView,
  UpdateUserBody,
  UserListQuery,
  VersionBody,
} from './schemas.ts';
import {
  acceptInvitation,
  createUser,
  deactivateUser,
  getUser,
  listUsers,
  reactivateUser,
  reissueInvitation,
  resetMfa,
  updateUser,
  viewInvitation,
} from './service.ts';

function invitationUrl(request: FastifyRequest, publicUrl: string | undefined, token: string): string {
  const origin = publicUrl ?? `${request.protocol}://${request.host}`;
  return `${origin.replace(/\/$/, '')}/invitations/${token}`;
}

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['staff'];
  const present = (user: UserRow) => presentOneUser(app.db, user);

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Staff of my organization',
        querystring: UserListQuery,
        response: { 200: page(UserSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => listUsers(app.db, contextOf(request), request.query),
  );

  // Managing staff and anyone's credentials is never done with an API key (docs/security.md).
  const management = { cookieOnly: true } as const;

  app.post(
    '/api/users',
    {
      config: management,
      schema: {
        tags,
        summary: 'Invite a staff member (returns a set-password link, shown once)',
        body: CreateUserBody,
        response: { 201: CreatedUser, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user, invitation } = await createUser(app.db, contextOf(request), request.body);
      return reply
        .code(201)
        .header('location', `/api/users/${user.id}`)
        .header('etag', `"${user.version}"`)
        .send({
          user,
          invitationUrl: invitationUrl(request, app.config.publicUrl, invitation.token),
          invitationExpiresAt: invitation.expiresAt.toISOString(),
        });
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One staff member', params: IdParams, response: { 200: UserSchema, ...problems(401, 403, 404) } } },
    async (request, reply) => {
      const user = await getUser(app.db, contextOf(request), request.params.id);
      return reply.header('etag', `"${user.version}"`).send(await present(user));
    },
  );

  app.post(
    '/api/integration-accounts',
    {
      config: management,
      schema: {
        tags,
        summary: 'Create an integration account: what API keys act as (no email, password or second factor)',
        body: CreateIntegrationBody,
        response: { 201: UserSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { row, view } = await createIntegration(app.db, contextOf(request), request.body);
      return reply.code(201).header('location', `/api/users/${row.id}`).header('etag', `"${row.version}"`).send(view);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: management,
      schema: {
        tags,
        summary: 'Change name, roles or programs',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await updateUser(
        app.db,
        contextOf(request),
        request.params.id,
        versionFrom(request, request.body.version),
        request.body,
      );
      return reply.header('etag', `"${user.version}"`).send(await present(user));
    },
  );

  for (const [action, change] of [
    ['deactivation', deactivateUser],
    ['reactivation', reactivateUser],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: management,
        schema: {
          tags,
          summary: action === 'deactivation' ? 'Deactivate (ends their sessions; their API keys stop working)' : 'Reactivate',
          params: IdParams,
          body: Type.Optional(VersionBody),
          response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = await change(app.db, contextOf(request), request.params.id, versionFrom(request, request.body?.version));
        return reply.header('etag', `"${user.version}"`).send(await present(user));
      },
    );
  }

  app.post(
    '/api/users/:id/invitations',
    {
      config: management,
      schema: {
        tags,
        summary: 'A new set-password link (invitation again, or a password reset)',
        params: IdParams,
        response: { 201: Invitation, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const invitation = await reissueInvitation(app.db, contextOf(request), request.params.id);
      return reply.code(201).send({
        invitationUrl: invitationUrl(request, app.config.publicUrl, invitation.token),
        invitationExpiresAt: invitation.expiresAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/users/:id/mfa-reset',
    {
      config: management,
      schema: {
        tags,
        summary: 'Clear a staff member’s second factor (they enrol again)',
        params: IdParams,
        response: { 200: UserSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => present(await resetMfa(app.db, contextOf(request), request.params.id)),
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What a set-password link is for',
        params: InvitationParams,
        response: { 200: InvitationView, ...problems(404) },
      },
    },
    async (request) => viewInvitation(app.db, request.params.token),
  );

  app.post(
    '/api/invitations/:token/acceptance',
    {
      config: { access: 'public', rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags,
        summary: 'Set my password from a link',
        params: InvitationParams,
        body: AcceptInvitationBody,
        response: { 204: Type.Null(), ...problems(400, 404, 429) },
      },
    },
    async (request, reply) => {
      await acceptInvitation(app.db, request.params.token, request.body.password, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
};
