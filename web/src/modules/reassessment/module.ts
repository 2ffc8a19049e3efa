import type { WebModule } from '../../app/webModule.ts';
import { CLINICAL_ROLES } from '../../../../src/codes.ts';
import { reassessmentMessages } from './messages.ts';

/** Reassessment schedules: a program's page (the episode shows what is due; the patient's chart shows the trends). */
export const reassessmentModule: WebModule<typeof reassessmentMessages> = {
  name: 'reassessment',
  messages: [reassessmentMessages],
  routes: [
    {
      path: '/programs/:id/reassessment-schedule',
      roles: ['admin', ...CLINICAL_ROLES],
      load: () => import('./SchedulePage.tsx').then((m) => m.SchedulePage),
    },
  ],
  patientSections: [{ key: 'score-trends', order: 50, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
  episodeSections: [{ key: 'reassessments', order: 30, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
