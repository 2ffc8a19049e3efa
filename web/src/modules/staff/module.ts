import type { WebModule } from '../../app/webModule.ts';
import { staffMessages } from './messages.ts';

/** Staff: invitations, roles, programs, deactivation. Supervisors may look but not change. */
export const staffModule: WebModule<typeof staffMessages> = {
  name: 'staff',
  messages: [staffMessages],
  routes: [
    {
      path: '/staff',
      roles: ['admin', 'supervisor'],
      load: () => import('./StaffPage.tsx').then((m) => m.StaffPage),
      nav: {
        label: 'nav.staff',
        // Supervisors may look at the staff list but not change it: say so.
        description: (roles) => (roles.includes('admin') ? 'nav.staff.description' : 'nav.staff.descriptionReadOnly'),
        order: 30,
        onHome: true,
      },
    },
  ],
};
