import type { WebModule } from '../../app/webModule.ts';
import { needsMessages } from './messages.ts';

/** Needs and strengths: their screens are parts of the episode and patient pages (EpisodeNeeds, PatientNeeds). */
export const needsModule: WebModule<typeof needsMessages> = {
  name: 'needs',
  messages: [needsMessages],
  routes: [],
  patientSections: [{ key: 'needs', order: 40, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
  episodeSections: [{ key: 'needs', order: 20, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
