import type { WebModule } from '../../app/webModule.ts';
import { CLINICAL_ROLES } from '../../../../src/codes.ts';
import { consentDocumentMessages } from './documentMessages.ts';
import { consentMessages } from './messages.ts';
import { privacyMessages } from './privacyMessages.ts';

/**
 * Part 2 consents, the disclosure check, emergency disclosures and the accounting of
 * disclosures; and the privacy officer's screens (docs/privacy-office.md).
 */
export const consentsModule: WebModule<typeof consentMessages | typeof consentDocumentMessages | typeof privacyMessages> = {
  name: 'consents',
  messages: [consentMessages, consentDocumentMessages, privacyMessages],
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
      nav: { label: 'nav.emergencyDisclosures', description: 'nav.emergencyDisclosures.description', order: 72, onHome: false },
    },
    {
      path: '/privacy',
      roles: ['privacy-officer'],
      load: () => import('./PrivacyOfficePage.tsx').then((m) => m.PrivacyOfficePage),
      nav: { label: 'nav.privacy', description: 'nav.privacy.description', order: 68, onHome: true },
    },
    {
      path: '/disclosures',
      roles: ['privacy-officer'],
      load: () => import('./DisclosureLogPage.tsx').then((m) => m.DisclosureLogPage),
      nav: { label: 'nav.disclosureLog', description: 'nav.disclosureLog.description', order: 73, onHome: false },
    },
    {
      path: '/consents/expiring',
      roles: ['privacy-officer'],
      load: () => import('./ExpiringConsentsPage.tsx').then((m) => m.ExpiringConsentsPage),
      nav: { label: 'nav.expiringConsents', description: 'nav.expiringConsents.description', order: 74, onHome: false },
    },
  ],
  patientSections: [{ key: 'consents', order: 10, load: () => import('./patientSection.tsx').then((m) => m.PatientSection) }],
};
