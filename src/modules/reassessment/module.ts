import type { ServerModule } from '../../lib/modules.ts';
import { reassessmentRoutes } from './routes.ts';
import { EpisodeReassessmentsSchema, ScoreHistorySchema } from './schemas.ts';
import { presentEpisodeReassessments, presentScoreHistory } from './service.ts';

/**
 * Reassessment (docs/assessments.md): each program's schedule of instruments, what it asks of
 * an episode (shown on the episode screen) and a patient's scores over time. Its only table is
 * a program setting; the patient data it reads belongs to the assessments module.
 */
export const reassessmentModule: ServerModule = {
  name: 'reassessment',
  routes: reassessmentRoutes,
  // The patient's page draws the trends from its overview: the one read the page makes.
  overview: {
    key: 'scoreHistory',
    schema: ScoreHistorySchema,
    load: (executor, ctx, patientId) => presentScoreHistory(executor, ctx, patientId),
  },
  episode: {
    key: 'reassessments',
    schema: EpisodeReassessmentsSchema,
    load: (executor, ctx, episodeId) => presentEpisodeReassessments(executor, ctx, episodeId),
  },
};
