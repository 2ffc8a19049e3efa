import type { WebModule } from '../../app/webModule.ts';
import { homeMessages } from './messages.ts';

/** Who you are here and what you can do now. */
export const homeModule: WebModule<typeof homeMessages> = {
  name: 'home',
  messages: [homeMessages],
  routes: [
    {
      path: '/',
      preload: true,
      load: () => import('./HomePage.tsx').then((m) => m.HomePage),
      nav: { label: 'nav.home', description: 'nav.home.description', order: 0, onHome: false },
    },
  ],
};
