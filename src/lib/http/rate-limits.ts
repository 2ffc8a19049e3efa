import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { Problem } from '../errors.ts';

/**
 * Per-client limits on the routes that run argon2 (sign-in, password change, set-password
 * links, setup, second-factor changes that check a password), with @fastify/rate-limit. They
 * share one budget per client address (`groupId`), counted in this process's memory: behind a
 * load balancer each instance counts its own. The client address is the one TRUST_PROXY lets
 * Fastify believe. Together with the per-email lockout (session/throttle.ts) and the global cap
 * on argon2 work (auth/passwords.ts) no one client can spray guesses or starve sign-in.
 */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'rate-limited', 'Too many attempts', `Too many attempts from this address; try again in ${context.after}.`, {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        extensions: { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
}

/** The route config of an argon2 route: `config: { rateLimit: credentialRateLimit(app.config) }`. */
export const credentialRateLimit = (config: Pick<Config, 'credentialAttemptsPerMinute'>) => ({
  max: config.credentialAttemptsPerMinute,
  timeWindow: 60_000,
  groupId: 'credentials',
});
