import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { contactMessages } from './messages.ts';

/** Contacts with patients and their notes; each program's contact cadence. */
export const contactsModule: WebModule<typeof contactMessages> = {
  name: 'contacts',
  messages: [contactMessages],
  routes: [
    {
      path: '/contacts/:id',
      roles: clinicalRoles,
      load: () => import('./ContactPage.tsx').then((m) => m.ContactPage),
    },
    {
      path: '/contact-cadence',
      roles: ['admin', 'supervisor'],
      load: () => import('./CadencePage.tsx').then((m) => m.CadencePage),
      nav: { label: 'cadence.title', description: 'cadence.intro', order: 45, onHome: false },
    },
  ],
  patientSections: [{ key: 'contacts', order: 20, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
  episodeSections: [{ key: 'contacts', order: 10, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
