import type { ServerModule } from '../../lib/modules.ts';
import { patientModeGuard } from './guard.ts';
import { patientModeRoutes } from './routes.ts';

/** The patient-facing tablet mode: a session locked to one assessment until staff unlock it (docs/needs.md). */
export const patientModeModule: ServerModule = {
  name: 'patient-mode',
  routes: patientModeRoutes,
  requestGuard: patientModeGuard,
};
