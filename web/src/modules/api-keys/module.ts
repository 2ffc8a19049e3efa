import type { WebModule } from '../../app/webModule.ts';
import { apiKeyMessages } from './messages.ts';

/** Keys that let other systems call the API as a staff member. */
export const apiKeysModule: WebModule<typeof apiKeyMessages> = {
  name: 'api-keys',
  messages: [apiKeyMessages],
  routes: [
    {
      path: '/api-keys',
      roles: ['admin'],
      load: () => import('./ApiKeysPage.tsx').then((m) => m.ApiKeysPage),
      nav: { label: 'nav.apiKeys', description: 'nav.apiKeys.description', order: 60, onHome: true },
    },
  ],
};
