import { Type } from 'typebox';
import type { ServerModule } from '../../lib/modules.ts';
import { needsTimeline } from './timeline.ts';
import { needsSection } from './overview.ts';
import { needKind, needStatusChangeKind, strengthKind } from './records.ts';
import { needsRoutes } from './routes.ts';
import { NeedSchema } from './schemas.ts';
import { presentEpisodeNeeds } from './service.ts';

/** Needs across life domains (proposed by positive screens) and the patient's strengths (docs/needs.md). */
export const needsModule: ServerModule = {
  name: 'needs',
  routes: needsRoutes,
  timeline: needsTimeline,
  patientRecords: [needKind, needStatusChangeKind, strengthKind],
  overview: needsSection,
  // The episode screen shows its needs, read with the episode (one audited read).
  episode: {
    key: 'needs',
    schema: Type.Array(NeedSchema),
    load: (executor, _ctx, episodeId) => presentEpisodeNeeds(executor, episodeId),
  },
};
