import { Type } from 'typebox';
import type { ServerModule } from '../../lib/modules.ts';
import { asamTimeline } from './timeline.ts';
import { asamReviewKind } from './records.ts';
import { asamRoutes } from './routes.ts';
import { AsamReviewSchema } from './schemas.ts';
import { presentEpisodeReviews } from './service.ts';

/** ASAM multidimensional reviews in an episode, and the level of care they indicate (docs/asam.md). */
export const asamModule: ServerModule = {
  name: 'asam',
  routes: asamRoutes,
  timeline: asamTimeline,
  patientRecords: [asamReviewKind],
  // The episode screen shows its reviews, read with the episode (one audited read).
  episode: {
    key: 'asamReviews',
    schema: Type.Array(AsamReviewSchema),
    load: (executor, _ctx, episodeId) => presentEpisodeReviews(executor, episodeId),
  },
};
