import { clinicalRoles } from '../../api/codes.ts';
import type { WebModule } from '../../app/webModule.ts';
import { caseloadMessages } from './messages.ts';

/** My caseload, and a supervisor's reassignment of a colleague's caseload. */
export const caseloadModule: WebModule<typeof caseloadMessages> = {
  name: 'caseload',
  messages: [caseloadMessages],
  routes: [
    {
      path: '/caseload',
      roles: clinicalRoles,
      load: () => import('./CaseloadPage.tsx').then((m) => m.CaseloadPage),
      nav: { label: 'nav.caseload', description: 'nav.caseload.description', order: 10, onHome: true },
    },
  ],
};
