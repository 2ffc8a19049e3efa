import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { emergencyAccessMessages } from './messages.ts';

/** Break-the-glass: emergency access to a chart outside one's care team, its banner on the chart, and its review. */
export const emergencyAccessModule: WebModule<typeof emergencyAccessMessages> = {
  name: 'emergency-access',
  messages: [emergencyAccessMessages],
  routes: [
    {
      path: '/emergency-access',
      roles: clinicalRoles,
      load: () => import('./EmergencyAccessPage.tsx').then((m) => m.EmergencyAccessPage),
      // Not on the home page: it is for an emergency, not something to do now.
      nav: { label: 'nav.emergencyAccess', description: 'nav.emergencyAccess.description', order: 75, onHome: false },
    },
    {
      path: '/emergency-access/reviews',
      roles: ['privacy-officer'],
      load: () => import('./ReviewQueuePage.tsx').then((m) => m.ReviewQueuePage),
      nav: { label: 'nav.emergencyAccessReviews', description: 'nav.emergencyAccessReviews.description', order: 73, onHome: true },
    },
    {
      path: '/emergency-access/reviews/:id',
      roles: ['privacy-officer'],
      load: () => import('./ReviewDetailPage.tsx').then((m) => m.ReviewDetailPage),
    },
  ],
  // The banner comes before every other module's part of the chart and of each episode.
  patientSections: [{ key: 'emergency-access', order: -100, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
  episodeSections: [{ key: 'emergency-access', order: -100, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
