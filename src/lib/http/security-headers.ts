import type { FastifyInstance } from 'fastify';

/**
 * Headers for every answer. The CSP allows only our own scripts; styles may be inline because
 * the component library sets style attributes. HSTS only where the request came over TLS
 * (directly or through a trusted proxy): sent over plain HTTP it would mean nothing.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The service worker and the web app manifest (web/vite.config.ts): our own origin only.
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string | undefined): void {
  const publicIsHttps = publicUrl?.startsWith('https://') ?? false;
  app.addHook('onSend', async (request, reply) => {
    void reply.header('content-security-policy', CSP);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
    }
    if (request.protocol === 'https' || publicIsHttps) {
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });
}
