import type { WebModule } from '../../app/webModule.ts';
import { CLINICAL_ROLES } from '../../../../src/codes.ts';
import { instrumentMessages } from './messages.ts';

// Clinical staff use them; admins load the organization's own.
const roles = ['admin', ...CLINICAL_ROLES] as const;

/** Screening and assessment instruments: the catalogue and a scoring preview. */
export const instrumentsModule: WebModule<typeof instrumentMessages> = {
  name: 'instruments',
  messages: [instrumentMessages],
  routes: [
    {
      path: '/instruments',
      roles,
      load: () => import('./InstrumentsPage.tsx').then((m) => m.InstrumentsPage),
      nav: { label: 'nav.instruments', description: 'nav.instruments.description', order: 25, onHome: false },
    },
    {
      path: '/assessments/:id',
      roles,
      load: () => import('./AssessmentPage.tsx').then((m) => m.AssessmentPage),
    },
    {
      path: '/instruments/:key',
      roles,
      load: () => import('./InstrumentPage.tsx').then((m) => m.InstrumentPage),
    },
  ],
  episodeSections: [{ key: 'assessments', order: 40, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
