import type { WebModule } from '../../app/webModule.ts';
import { accountMessages } from './messages.ts';

/** My language, password, second factor and open sessions. */
export const accountModule: WebModule<typeof accountMessages> = {
  name: 'account',
  messages: [accountMessages],
  routes: [
    {
      path: '/account',
      load: () => import('./AccountPage.tsx').then((m) => m.AccountPage),
      nav: { label: 'nav.account', description: 'nav.account.description', order: 80, onHome: true },
    },
  ],
};
