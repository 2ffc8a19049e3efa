import type { WebModule } from '../../app/webModule.ts';
import { organizationMessages } from './messages.ts';

/** The organization's name, time zone and default language. */
export const organizationModule: WebModule<typeof organizationMessages> = {
  name: 'organization',
  messages: [organizationMessages],
  routes: [
    {
      path: '/organization',
      roles: ['admin'],
      load: () => import('./OrganizationPage.tsx').then((m) => m.OrganizationPage),
      nav: { label: 'nav.organization', description: 'nav.organization.description', order: 50, onHome: true },
    },
  ],
};
