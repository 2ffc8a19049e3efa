import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../lib/errors.ts';

/**
 * What a session locked to the patient may still call: the assessment it is locked to (read
 * it, save answers), the instrument's definition (no patient in it), its own lock and the
 * unlock, the session itself and signing out. Everything else — search, lists, other
 * patients, completing or abandoning — answers 403 until staff unlock with their password.
 */
const OPEN = new Set([
  // Whether the organization is set up (the web app asks first, before the session); no patient data.
  'GET /api/setup',
  'GET /api/session',
  'DELETE /api/session',
  'GET /api/session/patient-mode',
  'POST /api/session/patient-mode/unlock',
  'GET /api/instruments/:key',
]);
const THE_ASSESSMENT = new Set(['GET /api/assessments/:id', 'PATCH /api/assessments/:id']);

export function patientModeAllows(method: string, route: string, params: unknown, assessmentId: string): boolean {
  const key = `${method} ${route}`;
  if (OPEN.has(key)) return true;
  return THE_ASSESSMENT.has(key) && (params as { id?: unknown }).id === assessmentId;
}

/** Runs after authentication on every request (registered by the module). */
export async function patientModeGuard(request: FastifyRequest): Promise<void> {
  const locked = request.session?.patientModeAssessmentId;
  const route = request.routeOptions.url;
  if (!locked || !route?.startsWith('/api/')) return;
  if (!patientModeAllows(request.method, route, request.params, locked)) {
    throw forbidden('patient-mode-locked', 'This device is handed to the patient; staff unlock it with their password first.');
  }
  return Promise.resolve();
}
