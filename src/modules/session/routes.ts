import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRow } from '../../db/schema.ts';
import { SESSION_COOKIE, findSession } from '../../lib/auth/sessions.ts';
import type { Database } from '../../lib/db/database.ts';
import { contextOf, requestMeta } from '../../lib/http/auth.ts';
import { credentialRateLimit } from '../../lib/http/rate-limits.ts';
import { IdParams, page, problems } from '../../lib/http/schemas.ts';
import { mustEnrolMfa } from '../../lib/access.ts';
import { presentOneUser, UserSchema } from '../staff/presenter.ts';
import { confirmMfaEnrolment, regenerateRecoveryCodes, startMfaEnrolment } from './mfa.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import {
  MeBody,
  MfaConfirmBody,
  MfaConfirmed,
  MfaEnrolment,
  MfaStartBody,
  NewRecoveryCodes,
  OpenSession,
  PasswordChangeBody,
  RecoveryCodesBody,
  SessionView,
  SignInBody,
} from './schemas.ts';
import { listSecurityEvents, SecurityEvent } from './security-events.ts';
import { changePassword, endMySession, listMySessions, signOut, updateMe } from './service.ts';
import { signIn } from './sign-in.ts';

/** Secure whenever the request came over TLS or the public address is https (a proxy we were not told to trust). */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, publicUrl: string | undefined): void {
  const secure = request.protocol === 'https' || (publicUrl?.startsWith('https://') ?? false);
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

async function sessionView(
  db: Database,
  user: UserRow,
  session: { stage: string; csrfToken: string; securityEventsSincePreviousSignIn: number },
  idleTimeoutMinutes: number,
): Promise<SessionView> {
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'timeZone', 'defaultLocale', 'mfaRequiredForAll'])
    .where('id', '=', user.organizationId)
    .executeTakeFirstOrThrow();
  return {
    user: await presentOneUser(db, user),
    organization: {
      id: organization.id,
      name: organization.name,
      timeZone: organization.timeZone,
      defaultLocale: organization.defaultLocale,
    },
    csrfToken: session.csrfToken,
    stage: session.stage === 'mfa-enrolment' ? 'mfa-enrolment' : 'active',
    idleTimeoutMinutes,
    security: {
      previousSignInAt: user.previousSignInAt?.toISOString() ?? null,
      eventsSincePreviousSignIn: session.securityEventsSincePreviousSignIn,
      recoveryCodesLeft: user.mfaEnabledAt ? await remainingRecoveryCodes(db, user.id) : 0,
      mfaRequired: user.mfaEnabledAt !== null || mustEnrolMfa(user, organization),
    },
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
      config: { access: 'public', rateLimit: credentialRateLimit(app.config) },
      schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: SessionView, ...problems(400, 401, 409, 429, 503) } },
    },
    async (request, reply) => {
      const { token } = await signIn(app.db, app.secrets, policy, request.body, requestMeta(request), request.session?.id ?? null);
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
      if (!request.session) throw new Error('a cookie-only route has a session');
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
      config: { access: 'enrolment', cookieOnly: true, rateLimit: credentialRateLimit(app.config) },
      // A first enrolment sends no body at all: validate it as an empty one.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app (TOTP); replacing one needs the current password and a current code',
        body: MfaStartBody,
        response: { 200: MfaEnrolment, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request) => startMfaEnrolment(app.db, app.secrets, contextOf(request), request.body),
  );

  app.post(
    '/api/session/mfa/enrolment/confirm',
    {
      config: { access: 'enrolment', cookieOnly: true },
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; the session becomes active and ten recovery codes are shown once',
        body: MfaConfirmBody,
        response: { 200: MfaConfirmed, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { token, recoveryCodes } = await confirmMfaEnrolment(app.db, app.secrets, contextOf(request), policy, request.body.totp);
      setSessionCookie(request, reply, token, app.config.publicUrl);
      return { ...(await viewOfToken(token)), recoveryCodes };
    },
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      config: { cookieOnly: true, rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags,
        summary: 'Ten new recovery codes (the old ones stop working); needs the current password',
        body: RecoveryCodesBody,
        response: { 201: NewRecoveryCodes, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const recoveryCodes = await regenerateRecoveryCodes(app.db, app.secrets, contextOf(request), request.body.currentPassword);
      return reply.code(201).send({ recoveryCodes });
    },
  );

  app.get(
    '/api/me/security-events',
    {
      config: { cookieOnly: true },
      schema: {
        tags,
        summary: 'Changes to how I sign in (second factor, password, recovery codes, set-password links), newest first',
        response: { 200: page(SecurityEvent), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listSecurityEvents(app.db, contextOf(request)), nextCursor: null }),
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
      config: { cookieOnly: true, rateLimit: credentialRateLimit(app.config) },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await changePassword(app.db, app.secrets, contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
