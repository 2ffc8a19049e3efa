import type { ServerModule } from '../../lib/modules.ts';
import { timelineRoutes } from './routes.ts';

/** The patient timeline: composes every module's TimelineSource (src/lib/modules.ts, docs/tasks.md). */
export const timelineModule: ServerModule = { name: 'timeline', routes: timelineRoutes };
