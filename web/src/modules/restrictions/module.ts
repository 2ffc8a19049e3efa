import type { WebModule } from '../../app/webModule.ts';
import { restrictionMessages } from './messages.ts';

/** Restricted records: the chart's restriction section (supervisors restrict, change, lift) and the privacy officer's list. */
export const restrictionsModule: WebModule<typeof restrictionMessages> = {
  name: 'restrictions',
  messages: [restrictionMessages],
  routes: [
    {
      path: '/restricted-records',
      roles: ['privacy-officer'],
      load: () => import('./RestrictedRecordsPage.tsx').then((m) => m.RestrictedRecordsPage),
      nav: { label: 'nav.restrictedRecords', description: 'nav.restrictedRecords.description', order: 73, onHome: false },
    },
  ],
  patientSections: [{ key: 'restriction', order: 1, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
  episodeSections: [{ key: 'restriction', order: 1, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
