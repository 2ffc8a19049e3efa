import type { WebModule } from '../../app/webModule.ts';
import { patientModeMessages } from './messages.ts';

/**
 * The patient-facing tablet mode: a page outside the app's frame (no navigation, no search),
 * reached only while the session is locked to an assessment. It checks the lock itself.
 */
export const patientModeModule: WebModule<typeof patientModeMessages> = {
  name: 'patient-mode',
  messages: [patientModeMessages],
  routes: [
    {
      path: '/patient-mode',
      access: 'public',
      load: () => import('./PatientModePage.tsx').then((m) => m.PatientModePage),
    },
  ],
};
