import type { WebModule } from '../../app/webModule.ts';
import { auditMessages } from './messages.ts';

/** Who opened or changed which record, and when. */
export const auditModule: WebModule<typeof auditMessages> = {
  name: 'audit',
  messages: [auditMessages],
  routes: [
    {
      path: '/audit',
      roles: ['admin', 'privacy-officer'],
      load: () => import('./AuditPage.tsx').then((m) => m.AuditPage),
      nav: { label: 'nav.audit', description: 'nav.audit.description', order: 70, onHome: true },
    },
  ],
};
