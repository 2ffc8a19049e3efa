import { clinicalRoles } from '../../api/codes.ts';
import { readEarly } from '../../api/earlyRead.ts';
import type { WebModule } from '../../app/webModule.ts';
import { caseloadEarlyRead, fetchCaseload } from './caseloadQueries.ts';
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
      // Opened on My caseload: its rows come as soon as the session says who is asking.
      prefetch: { data: () => readEarly(caseloadEarlyRead, fetchCaseload) },
      nav: { label: 'nav.caseload', description: 'nav.caseload.description', order: 10, onHome: true },
    },
  ],
};
