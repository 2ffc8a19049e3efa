import type { WebModule } from '../../app/webModule.ts';
import { CLINICAL_ROLES } from '../../../../src/codes.ts';
import { consentDocumentMessages } from './documentMessages.ts';
import { consentMessages } from './messages.ts';

/** Part 2 consents, the disclosure check, emergency disclosures and the accounting of disclosures. */
export const consentsModule: WebModule<typeof consentMessages | typeof consentDocumentMessages> = {
  name: 'consents',
  messages: [consentMessages, consentDocumentMessages],
  routes: [
    {
      path: '/patients/:id/consents',
      roles: CLINICAL_ROLES,
      load: () => import('./ConsentsPage.tsx').then((m) => m.ConsentsPage),
    },
    {
      path: '/patients/:id/disclosures',
      roles: CLINICAL_ROLES,
      load: () => import('./AccountingPage.tsx').then((m) => m.AccountingPage),
    },
    {
      path: '/consents/:id/print',
      roles: CLINICAL_ROLES,
      load: () => import('./ConsentPrintPage.tsx').then((m) => m.ConsentPrintPage),
    },
    {
      path: '/emergency-disclosures',
      roles: ['privacy-officer'],
      load: () => import('./EmergencyQueuePage.tsx').then((m) => m.EmergencyQueuePage),
      nav: { label: 'nav.emergencyDisclosures', description: 'nav.emergencyDisclosures.description', order: 72, onHome: true },
    },
  ],
  patientSections: [{ key: 'consents', order: 10, load: () => import('./sections.tsx').then((m) => m.PatientSection) }],
};
