import { clinicalRoles } from '../../api/codes.ts';
import { readEarly } from '../../api/earlyRead.ts';
import { loadPatientSections } from '../../app/patientSections.ts';
import type { WebModule } from '../../app/webModule.ts';
import { episodeMessages } from './episodeMessages.ts';
import { patientMessages } from './messages.ts';
import { patientFormMessages } from './patientFormMessages.ts';
import { fetchPatient, patientEarlyRead } from './patientRead.ts';
import { placementMessages } from './placementMessages.ts';

type PatientModuleMessages = typeof patientMessages | typeof patientFormMessages | typeof episodeMessages | typeof placementMessages;

/** Patient search and registration, the patient overview and each episode of care (docs/patients.md). */
export const patientsModule: WebModule<PatientModuleMessages> = {
  name: 'patients',
  messages: [patientMessages, patientFormMessages, episodeMessages, placementMessages],
  routes: [
    {
      path: '/patients',
      roles: clinicalRoles,
      load: () => import('./PatientsPage.tsx').then((m) => m.PatientsPage),
      nav: { label: 'nav.patients', description: 'nav.patients.description', order: 20, onHome: true },
    },
    {
      path: '/patients/:id',
      roles: clinicalRoles,
      load: () => import('./PatientOverviewPage.tsx').then((m) => m.PatientOverviewPage),
      // Opened on a patient's overview: the sections' code with the page's (all in the same round
      // trip), the patient as soon as the session says who is asking; the page paints once when
      // all are there.
      prefetch: {
        code: () => void loadPatientSections().catch(() => undefined),
        data: ({ id }) => {
          if (id !== undefined) readEarly(patientEarlyRead(id), () => fetchPatient(id));
        },
      },
    },
    { path: '/episodes/:id', roles: clinicalRoles, load: () => import('./EpisodePage.tsx').then((m) => m.EpisodePage) },
  ],
};
