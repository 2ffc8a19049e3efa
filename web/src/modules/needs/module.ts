import type { WebModule } from '../../app/webModule.ts';
import { needsMessages } from './messages.ts';

/** Needs and strengths: their screens are parts of the episode and patient pages (EpisodeNeeds, PatientNeeds). */
export const needsModule: WebModule<typeof needsMessages> = {
  name: 'needs',
  messages: [needsMessages],
  routes: [],
};
