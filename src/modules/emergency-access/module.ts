import type { ServerModule } from '../../lib/modules.ts';
import { emergencyAccessKind } from './records.ts';
import { emergencyAccessRoutes } from './routes.ts';
import { EmergencyAccessOverviewSchema } from './schemas.ts';
import { emergencyAccessEpisode, emergencyAccessOverview } from './service.ts';

/** Break-the-glass: time-limited emergency access to a chart, every read marked, each event reviewed (docs/emergency-access.md). */
export const emergencyAccessModule: ServerModule = {
  name: 'emergency-access',
  routes: emergencyAccessRoutes,
  patientRecords: [emergencyAccessKind],
  // The reader's own grant in force for this patient, for the chart's banner, read inside the overview's audited read.
  overview: { key: 'emergencyAccess', schema: EmergencyAccessOverviewSchema, load: emergencyAccessOverview },
  // The same on each of the patient's episodes, read inside the episode's audited read.
  episode: { key: 'emergencyAccess', schema: EmergencyAccessOverviewSchema, load: emergencyAccessEpisode },
};
