import type { WebModule } from '../../app/webModule.ts';
import { setupMessages } from './messages.ts';

/** First-run setup: creates the organization and its first administrator. */
export const setupModule: WebModule<typeof setupMessages> = {
  name: 'setup',
  messages: [setupMessages],
  routes: [{ path: '/setup', access: 'public', load: () => import('./SetupPage.tsx').then((m) => m.SetupPage) }],
};
