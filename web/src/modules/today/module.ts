import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { todayMessages } from './messages.ts';

/** Today: every module's section of what is due (GET /api/today), first in the navigation. */
export const todayModule: WebModule<typeof todayMessages> = {
  name: 'today',
  messages: [todayMessages],
  routes: [
    {
      path: '/today',
      roles: clinicalRoles,
      load: () => import('./TodayPage.tsx').then((m) => m.TodayPage),
      nav: { label: 'nav.today', description: 'nav.today.description', order: 5, onHome: true },
    },
  ],
};
