import type { ServerModule } from '../../lib/modules.ts';
import { todayRoutes } from './routes.ts';

/** The Today worklist: composes every module's TodaySource (src/lib/modules.ts, docs/tasks.md). */
export const todayModule: ServerModule = { name: 'today', routes: todayRoutes };
