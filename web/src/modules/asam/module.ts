import type { WebModule } from '../../app/webModule.ts';
import { CLINICAL_ROLES } from '../../../../src/codes.ts';
import { asamMessages } from './messages.ts';

/** ASAM reviews: one review's page (the episode screen lists them). */
export const asamModule: WebModule<typeof asamMessages> = {
  name: 'asam',
  messages: [asamMessages],
  routes: [
    {
      path: '/asam-reviews/:id',
      roles: CLINICAL_ROLES,
      load: () => import('./AsamReviewPage.tsx').then((m) => m.AsamReviewPage),
    },
  ],
  episodeSections: [{ key: 'asam-reviews', order: 50, load: () => import('./episodeSection.tsx').then((m) => m.EpisodeSection) }],
};
