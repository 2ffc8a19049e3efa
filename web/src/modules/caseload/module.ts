import { clinicalRoles } from '../../api/codes.ts';
import { openedAt, readEarly } from '../../api/earlyRead.ts';
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
      nav: { label: 'nav.caseload', description: 'nav.caseload.description', order: 10, onHome: true },
    },
  ],
};

// Opened on My caseload: its code and its rows come alongside the session, not after it.
if (openedAt() === '/caseload') {
  import('./CaseloadPage.tsx').catch(() => undefined);
  readEarly(caseloadEarlyRead, fetchCaseload);
}
