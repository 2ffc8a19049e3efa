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
    store: SharedWindowStore,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'rate-limited', 'Too many attempts', `Too many attempts from this address; try again in ${context.after}.`, {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        extensions: { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
}

type Counted = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * The plugin gives every route its own counter store; the credential routes must share one
 * budget per address, so this store hands itself to every route (`child`). A fixed window per
 * key; expired keys are swept as the map grows, and the map is capped so a flood of addresses
 * cannot grow it without bound (the oldest keys go first).
 */
class SharedWindowStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();
  private static readonly MAX_KEYS = 50_000;

  incr(key: string, counted: Counted, timeWindow: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      if (this.windows.size >= SharedWindowStore.MAX_KEYS) this.sweep(now, timeWindow);
      window = { count: 0, startedAt: now };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    window.count += 1;
    counted(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  child(): this {
    return this;
  }

  private sweep(now: number, timeWindow: number): void {
    for (const [key, window] of this.windows) if (window.startedAt + timeWindow <= now) this.windows.delete(key);
    // Still full: forget the oldest (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < SharedWindowStore.MAX_KEYS) break;
      this.windows.delete(key);
    }
  }
}

/** The route config of an argon2 route: `config: { rateLimit: credentialRateLimit(app.config) }`. */
export const credentialRateLimit = (config: Pick<Config, 'credentialAttemptsPerMinute'>) => ({
  max: config.credentialAttemptsPerMinute,
  timeWindow: 60_000,
  groupId: 'credentials',
});
