import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { reviewMessages } from './messages.ts';

/** Registrations that resemble a record the registrar may not see, reviewed by a supervisor. */
export const registrationReviewsModule: WebModule<typeof reviewMessages> = {
  name: 'registration-reviews',
  messages: [reviewMessages],
  routes: [
    {
      path: '/registration-reviews',
      roles: clinicalRoles,
      load: () => import('./ReviewsPage.tsx').then((m) => m.ReviewsPage),
      // In the navigation of supervisors, whose queue it is; others open it from the notice after registering.
      nav: { label: 'nav.reviews', description: 'nav.reviews.description', order: 22, onHome: true, roles: ['supervisor'] },
    },
  ],
};
