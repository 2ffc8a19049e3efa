import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRow } from '../../db/schema.ts';
import { SESSION_COOKIE, findSession } from '../../lib/auth/sessions.ts';
import type { Database } from '../../lib/db/database.ts';
import { contextOf, requestMeta } from '../../lib/http/auth.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { presentOneUser, UserSchema } from '../staff/presenter.ts';
import { MeBody, MfaConfirmBody, MfaEnrolment, OpenSession, PasswordChangeBody, SessionView, SignInBody } from './schemas.ts';
import {
  changePassword,
  confirmMfaEnrolment,
  endMySession,
  listMySessions,
  signIn,
  signOut,
  startMfaEnrolment,
  updateMe,
} from './service.ts';

/** Secure whenever the request came over TLS or the public address is https (a proxy we were not told to trust). */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, publicUrl: string | undefined): void {
  const secure = request.protocol === 'https' || (publicUrl?.startsWith('https://') ?? false);
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

async function sessionView(
  db: Database,
  user: UserRow,
  session: { stage: string; csrfToken: string } | null,
  idleTimeoutMinutes: number,
): Promise<SessionView> {
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'timeZone', 'defaultLocale'])
    .where('id', '=', user.organizationId)
    .executeTakeFirstOrThrow();
  return {
    user: await presentOneUser(db, user),
    organization: { ...organization, defaultLocale: organization.defaultLocale },
    csrfToken: session?.csrfToken ?? null,
    stage: session?.stage === 'mfa-enrolment' ? 'mfa-enrolment' : 'active',
    idleTimeoutMinutes,
  };
}

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const policy = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };
  const tags = ['session'];

  /** After sign-in or enrolment the session is new: read it back by its token. */
  async function viewOfToken(token: string): Promise<SessionView> {
    const found = await findSession(app.db, token, policy);
    if (!found) throw new Error('a session just created was not found');
    return sessionView(app.db, found.user, found.session, policy.idleMinutes);
  }

  app.post(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: SessionView, ...problems(400, 401, 429) } },
    },
    async (request, reply) => {
      const { token } = await signIn(app.db, policy, request.body, requestMeta(request), request.session?.id ?? null);
      setSessionCookie(request, reply, token, app.config.publicUrl);
      return viewOfToken(token);
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: 'enrolment', cookieOnly: true },
      schema: { tags, summary: 'The current session', response: { 200: SessionView, ...problems(401) } },
    },
    async (request) => {
      const ctx = contextOf(request);
      const user = await app.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
      return sessionView(app.db, user, request.session, policy.idleMinutes);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: 'enrolment', cookieOnly: true },
      schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...problems(401, 403) } },
    },
    async (request, reply) => {
      await signOut(app.db, contextOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/session/mfa/enrolment',
    {
      config: { access: 'enrolment', cookieOnly: true },
      schema: { tags, summary: 'Start enrolling an authenticator app (TOTP)', response: { 200: MfaEnrolment, ...problems(401, 403, 409) } },
    },
    async (request) => startMfaEnrolment(app.db, contextOf(request)),
  );

  app.post(
    '/api/session/mfa/enrolment/confirm',
    {
      config: { access: 'enrolment', cookieOnly: true },
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; the session becomes active',
        body: MfaConfirmBody,
        response: { 200: SessionView, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { token } = await confirmMfaEnrolment(app.db, contextOf(request), policy, request.body.totp);
      setSessionCookie(request, reply, token, app.config.publicUrl);
      return viewOfToken(token);
    },
  );

  app.get(
    '/api/sessions',
    { config: { cookieOnly: true }, schema: { tags, summary: 'My open sessions', response: { 200: page(OpenSession), ...problems(401) } } },
    async (request) => ({ items: await listMySessions(app.db, contextOf(request), policy), nextCursor: null }),
  );

  app.delete(
    '/api/sessions/:id',
    {
      config: { cookieOnly: true },
      schema: { tags, summary: 'End one of my sessions', params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      await endMySession(app.db, contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/me',
    {
      config: { cookieOnly: true },
      schema: { tags, summary: 'Change my own preferences', body: MeBody, response: { 200: UserSchema, ...problems(400, 401, 403) } },
    },
    async (request) => {
      return presentOneUser(app.db, await updateMe(app.db, contextOf(request), request.body));
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changePassword(app.db, contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
