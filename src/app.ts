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
import type { Config } from './lib/config.ts';
import type { Database } from './lib/db/database.ts';
import { registerAuthentication } from './lib/http/auth.ts';
import { registerCompression } from './lib/http/compression.ts';
import { registerProblemHandlers } from './lib/http/problems.ts';
import { genRequestId, loggerOptions, registerRequestLog } from './lib/http/request-log.ts';
import { ProblemSchema } from './lib/http/schemas.ts';
import { registerSecurityHeaders } from './lib/http/security-headers.ts';
import { registerWebApp } from './lib/http/static.ts';
import { validatorCompiler } from './lib/http/validation.ts';
import { apiKeyRoutes } from './modules/api-keys/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { episodeRoutes } from './modules/episodes/routes.ts';
import { organizationRoutes } from './modules/organization/routes.ts';
import { patientRoutes } from './modules/patients/routes.ts';
import { programRoutes } from './modules/programs/routes.ts';
import { sessionRoutes } from './modules/session/routes.ts';
import { setupRoutes } from './modules/setup/routes.ts';
import { staffRoutes } from './modules/staff/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';

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
  }
}

export interface AppDependencies {
  db: Database;
  pool: pg.Pool;
  config: Config;
  logger?: boolean;
  /** Where JSON logs go (stdout by default); tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: AppDependencies): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: genRequestId,
    requestIdHeader: false,
    // We log one line per request ourselves (request-log.ts), without the URL's query.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', deps.db);
  app.decorate('pool', deps.pool);
  app.decorate('config', config);
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
          session: { type: 'apiKey', in: 'cookie', name: 'bridgeway_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { deepLinking: false } });
  await app.register(cookie);

  registerProblemHandlers(app, config.webDist);
  registerRequestLog(app);
  registerSecurityHeaders(app, config.publicUrl);
  registerAuthentication(app, deps.db, config);

  await app.register(systemRoutes);
  await app.register(setupRoutes);
  await app.register(sessionRoutes);
  await app.register(organizationRoutes);
  await app.register(programRoutes);
  await app.register(staffRoutes);
  await app.register(apiKeyRoutes);
  await app.register(auditRoutes);
  await app.register(patientRoutes);
  await app.register(episodeRoutes);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());

  await registerWebApp(app, { webDist: config.webDist, serveSourceMaps: config.serveSourceMaps });
  return app;
}
