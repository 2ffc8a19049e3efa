import { clinicalRoles } from '../../api/codes.ts';
import { openedAt, readEarly } from '../../api/earlyRead.ts';
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
    { path: '/patients/:id', roles: clinicalRoles, load: () => import('./PatientOverviewPage.tsx').then((m) => m.PatientOverviewPage) },
    { path: '/episodes/:id', roles: clinicalRoles, load: () => import('./EpisodePage.tsx').then((m) => m.EpisodePage) },
  ],
};

// Opened on a patient's overview: its code, its sections' code and the patient come alongside
// the session, not one after the other.
const openedPatient = /^\/patients\/([^/]+)$/.exec(openedAt() ?? '')?.[1];
if (openedPatient !== undefined) {
  import('./PatientOverviewPage.tsx').catch(() => undefined);
  import('../../components/ModuleSections.tsx').then((sections) => sections.loadPatientSections()).catch(() => undefined);
  readEarly(patientEarlyRead(openedPatient), () => fetchPatient(openedPatient));
}
