import type { ServerModule } from '../../lib/modules.ts';
import { consentKind, disclosureKind } from './records.ts';
import { consentRoutes } from './routes.ts';
import { ConsentOverviewSchema } from './schemas.ts';
import { consentOverview } from './service.ts';
import { consentTimeline } from './timeline.ts';

/** Part 2 consents, the one disclosure check, disclosures and their accounting (docs/consent.md). */
export const consentsModule: ServerModule = {
  name: 'consents',
  routes: consentRoutes,
  patientRecords: [consentKind, disclosureKind],
  timeline: consentTimeline,
  // Consent status at a glance, per recipient, read inside the overview's one audited read.
  overview: { key: 'consents', schema: ConsentOverviewSchema, load: consentOverview },
};
