import { Type } from 'typebox';
import type { ServerModule } from '../../lib/modules.ts';
import { assessmentKind } from './records.ts';
import { assessmentRoutes } from './routes.ts';
import { AssessmentSchema } from './schemas.ts';
import { presentEpisodeAssessments } from './service.ts';
import { assessmentTimeline } from './timeline.ts';

/** Instruments administered to patients in an episode (docs/assessments.md). */
export const assessmentsModule: ServerModule = {
  name: 'assessments',
  routes: assessmentRoutes,
  patientRecords: [assessmentKind],
  timeline: assessmentTimeline,
  // The episode screen lists its screens, read with the episode (one audited read).
  episode: {
    key: 'assessments',
    schema: Type.Array(AssessmentSchema),
    load: (executor, _ctx, episodeId) => presentEpisodeAssessments(executor, episodeId),
  },
};
