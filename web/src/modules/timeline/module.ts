import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { timelineMessages } from './messages.ts';

/** A patient's timeline (GET /api/patients/{id}/timeline), reached from the patient's record. */
export const timelineModule: WebModule<typeof timelineMessages> = {
  name: 'timeline',
  messages: [timelineMessages],
  routes: [
    {
      path: '/patients/:id/timeline',
      roles: clinicalRoles,
      load: () => import('./TimelinePage.tsx').then((m) => m.TimelinePage),
    },
  ],
};
