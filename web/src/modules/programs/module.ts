import type { WebModule } from '../../app/webModule.ts';
import { programMessages } from './messages.ts';

/** Programs and the case management model each follows. */
export const programsModule: WebModule<typeof programMessages> = {
  name: 'programs',
  messages: [programMessages],
  routes: [
    {
      path: '/programs',
      roles: ['admin'],
      load: () => import('./ProgramsPage.tsx').then((m) => m.ProgramsPage),
      nav: { label: 'nav.programs', description: 'nav.programs.description', order: 40, onHome: true },
    },
  ],
};
