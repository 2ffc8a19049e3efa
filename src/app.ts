import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type pg from 'pg';
import type { SecretBox } from './lib/auth/secret-key.ts';
import type { Config } from './lib/config.ts';
import type { Database } from './lib/db/database.ts';
import { registerAuthentication } from './lib/http/auth.ts';
import { registerCompression } from './lib/http/compression.ts';
import { frameworkErrors, registerProblemHandlers } from './lib/http/problems.ts';
import { registerRateLimits } from './lib/http/rate-limits.ts';
import { genRequestId, loggerOptions, registerRequestLog } from './lib/http/request-log.ts';
import { ProblemSchema } from './lib/http/schemas.ts';
import { registerSecurityHeaders } from './lib/http/security-headers.ts';
import { registerTextGuard, validatorCompiler } from './lib/http/validation.ts';
import { buildRegistry } from './lib/modules.ts';
import { modules } from './modules/index.ts';
import { registerWebApp } from './lib/http/static.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    pool: pg.Pool;
    config: Config;
    /** The server's secret key: sealed TOTP secrets, keyed hashes (src/lib/auth/secret-key.ts). */
    secrets: SecretBox;
  }
}

export interface AppDependencies {
  db: Database;
  pool: pg.Pool;
  config: Config;
  secrets: SecretBox;
  logger?: boolean;
  /** Where JSON logs go (stdout by default); tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(deps: AppDependencies): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: genRequestId,
    requestIdHeader: false,
    // We log one line per request ourselves (request-log.ts), without the URL's query.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count becomes "trust the nearest n hops" (what Fastify does with a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A malformed URL (a bad percent escape) is answered as a problem document too.
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', deps.db);
  app.decorate('pool', deps.pool);
  app.decorate('config', config);
  app.decorate('secrets', deps.secrets);
  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(ProblemSchema);
  await registerCompression(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bridgeway API',
        version: '1',
        description: 'Conventions: docs/api-conventions.md and docs/api.md in the repository.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bridgeway_session', description: 'Set by POST /api/session' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'The csrfToken of the session; required on every state-changing request made with the session cookie',
          },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of an integration account (docs/api.md)' },
        },
      },
      security: [{ session: [], csrf: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { deepLinking: false } });
  await app.register(cookie);
  await registerRateLimits(app);

  registerProblemHandlers(app, config.webDist);
  registerRequestLog(app);
  registerSecurityHeaders(app, config.publicUrl);
  registerAuthentication(app, deps.db, config);
  const registry = buildRegistry(modules);
  // A module's guard sees who is calling (after authentication) before any route runs.
  for (const module of registry.modules) if (module.requestGuard) app.addHook('onRequest', module.requestGuard);
  registerTextGuard(app);

  // Public routes say so in the OpenAPI document (no security requirement); every other route
  // inherits the document's: the session cookie or an API key.
  app.addHook('onRoute', (route) => {
    if (!route.schema) return;
    if (route.config?.access === 'public') route.schema = { ...route.schema, security: [] };
    else if (route.config?.cookieOnly) route.schema = { ...route.schema, security: [{ session: [], csrf: [] }] };
  });
  for (const module of registry.modules) if (module.routes) await app.register(module.routes, { registry });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());

  await registerWebApp(app, { webDist: config.webDist, serveSourceMaps: config.serveSourceMaps });
  return app;
}
