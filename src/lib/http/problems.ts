import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { conflict, Problem, ruleViolation } from '../errors.ts';
import { fieldErrors } from './field-errors.ts';

function toProblem(error: FastifyError & { validation?: ErrorObject[]; validationContext?: string }): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const errors = fieldErrors(error.validation, error.validationContext ?? 'body');
    const first = errors[0];
    return new Problem(400, 'validation', 'The request is not valid', first ? `${first.path}: ${first.message}` : 'Invalid input.', {
      errors,
    });
  }
  const invalidBody = (code: string, detail: string) => new Problem(400, 'validation', 'The request is not valid', detail, { code });
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'payload-too-large', 'The request body is too large', 'Send a smaller request.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type', 'Unsupported content type', 'Send application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidBody('empty-body', 'The JSON body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidBody('invalid-json', 'The body is not valid JSON.');
  }
  if (error instanceof SyntaxError) return invalidBody('invalid-json', 'The body is not valid JSON.');
  const pgCode = (error as { code?: string }).code;
  // Fallbacks for constraints a service did not translate itself.
  if (pgCode === '23505') return conflict('unique-violation', 'A record with the same unique value already exists.');
  if (pgCode === '40P01' || pgCode === '40001')
    return conflict('concurrent-change', 'Someone else changed the same records at the same moment; try again.');
  if (pgCode === '23503' || pgCode === '23514') return ruleViolation('data-rule', 'The change breaks a data rule.');
  // Text PostgreSQL cannot store or read as the type asked (a NUL byte, a malformed value).
  if (pgCode === '22P02' || pgCode === '22021' || pgCode === '22P05' || pgCode === '22007' || pgCode === '22008') {
    return invalidBody('invalid-value', 'A value in the request cannot be stored as given.');
  }
  if (isPoolWaitTimeout(error)) {
    // The database answers; every connection to it was in use for the whole wait. Saying it is
    // unreachable sent people (and operators) looking for an outage that was only load.
    return new Problem(503, 'unavailable', 'Server busy', 'Every database connection stayed in use; try again in a moment.', {
      code: 'server-busy',
      headers: { 'retry-after': String(BUSY_RETRY_SECONDS) },
      extensions: { retryAfterSeconds: BUSY_RETRY_SECONDS },
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new Problem(503, 'unavailable', 'Service unavailable', 'The database is not reachable; try again shortly.', {
      headers: { 'retry-after': '5' },
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new Problem(status, status === 429 ? 'rate-limited' : 'validation', 'The request could not be handled', error.message);
  }
  return new Problem(500, 'internal', 'Internal error', 'Something went wrong on our side. It has been logged.');
}

/** A short wait: the pool frees connections as fast as requests finish. */
const BUSY_RETRY_SECONDS = 2;

/**
 * pg-pool's own error when no connection was free before `connectionTimeoutMillis` (all in use);
 * a new connection that cannot reach the server fails differently ("Connection terminated due to
 * connection timeout", ECONNREFUSED), and that is the database being unavailable.
 */
export function isPoolWaitTimeout(error: unknown): boolean {
  return (error as Error).message === 'timeout exceeded when trying to connect';
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(code) || /Connection terminated/i.test(message);
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
  return reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
}

/**
 * Errors Fastify raises before any route or hook runs (a malformed percent escape in the path,
 * an over-long parameter): answered as problem documents like everything else, not with
 * Fastify's own JSON.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new Problem(400, 'validation', 'The request is not valid', 'The address is malformed.', { code: 'malformed-url' })
      : new Problem(500, 'internal', 'Internal error', 'Something went wrong on our side. It has been logged.');
  void sendProblem(reply, problem);
}

export function registerProblemHandlers(app: FastifyInstance, webDist: string): void {
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      // Log the error's kind and stack, never its message details: a database error can quote values.
      request.log.error(
        { err: { type: error.name, code: (error as { code?: string }).code, stack: error.stack?.split('\n').slice(1, 8).join('\n') } },
        'request failed',
      );
    }
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return sendProblem(reply, new Problem(404, 'not-found', 'Not found', 'No such route.', { code: 'no-such-route' }));
    }
    // The web app routes in the browser: any other GET gets its page shell.
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, new Problem(404, 'not-found', 'Not found', 'No such page.', { code: 'no-such-route' }));
  });
}
