import type { ServerModule } from '../../lib/modules.ts';
import { episodesSection } from './overview.ts';
import { episodeRecordKinds } from './records.ts';
import { episodeRoutes } from './routes.ts';
import { episodeTimeline } from './timeline.ts';

/** Episodes of care: the continuum, levels of care, the care team and My caseload (docs/patients.md). */
export const episodesModule: ServerModule = {
  name: 'episodes',
  routes: episodeRoutes,
  patientRecords: episodeRecordKinds,
  overview: episodesSection,
  timeline: episodeTimeline,
};
