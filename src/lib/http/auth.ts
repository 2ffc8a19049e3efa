import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import { mustEnrolMfa } from '../access.ts';
import { findApiKey, recordApiKeyUse } from '../auth/api-keys.ts';
import { findSession, SESSION_COOKIE, touchSession } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Actor, RequestContext, RequestMeta } from '../context.ts';
import type { Database } from '../db/database.ts';
import { forbidden, Problem } from '../errors.ts';

/**
 * Who may call a route. `public`: anyone. `enrolment`: any signed-in session, including one
 * that must still enrol a second factor. `signed-in` (the default): a fully signed-in session
 * or an API key.
 */
type RouteAccess = 'public' | 'enrolment' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * Never reachable with an API key: a person's own sign-in, second factor and sessions, and
     * every route that manages staff, keys, programs, the organization or credentials.
     */
    cookieOnly?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function toActor(user: UserRow, timeZone: string, via: { sessionId?: string; apiKeyId?: string; apiKeyCreatedBy?: string }): Actor {
  return {
    userId: user.id,
    organizationId: user.organizationId,
    timeZone,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    locale: user.locale,
    sessionId: via.sessionId ?? null,
    apiKeyId: via.apiKeyId ?? null,
    apiKeyCreatedBy: via.apiKeyCreatedBy ?? null,
  };
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return { requestId: request.id, ip: request.ip || null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** The service context of a request that passed the `signed-in` or `enrolment` check. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new Problem(401, 'unauthenticated', 'Not signed in', 'Sign in first.', { code: 'not-signed-in' });
  return { actor: request.actor, ...requestMeta(request) };
}

function csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerAuthentication(app: FastifyInstance, db: Database, config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Decide on the route that matched, never on the raw URL (which can be spelled other ways).
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/')) return;
    // The browsable API documentation (a plugin's routes) holds no patient data.
    const access = route.startsWith('/api/docs') ? 'public' : (request.routeOptions.config.access ?? 'signed-in');
    const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const found = await findApiKey(db, authorization.slice(7).trim());
      if (!found)
        throw new Problem(401, 'unauthenticated', 'Not signed in', 'The API key is unknown, expired or revoked.', {
          code: 'unknown-api-key',
        });
      // A leaked key must not be able to re-enrol the person's second factor or open a session.
      if (request.routeOptions.config.cookieOnly)
        throw forbidden('api-key-not-allowed', 'An API key cannot sign in, manage credentials, staff, keys, programs or the organization.');
      await recordApiKeyUse(db, found.apiKey, request.ip || null);
      request.actor = toActor(found.user, found.timeZone, { apiKeyId: found.apiKey.id, apiKeyCreatedBy: found.apiKey.createdBy });
      return; // API keys carry no cookie, so no CSRF token and no second factor (docs/api.md)
    }

    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await findSession(db, token, policy) : null;
    if (found) {
      // A role that now requires a second factor (say, a new admin) applies at once, not at the next sign-in.
      request.session =
        found.session.stage === 'active' && mustEnrolMfa(found.user, found) ? { ...found.session, stage: 'mfa-enrolment' } : found.session;
      request.actor = toActor(found.user, found.timeZone, { sessionId: found.session.id });
      await touchSession(db, found.session);
    }
    if (access === 'public') return;
    if (!found)
      throw new Problem(401, 'unauthenticated', 'Not signed in', 'Sign in to continue; your session may have timed out.', {
        code: 'session-expired',
      });
    if (request.session?.stage !== 'active' && access !== 'enrolment') {
      throw new Problem(
        403,
        'mfa-enrolment-required',
        'Set up your second factor first',
        'Your account must enrol an authenticator app before it can be used.',
      );
    }
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.headers['x-csrf-token'], found.session.csrfToken)) {
      throw new Problem(403, 'csrf', 'Missing or wrong CSRF token', 'Send the X-CSRF-Token header you received at sign-in.');
    }
  });
}
