import type { ServerModule } from '../../lib/modules.ts';
import { sessionRoutes } from './routes.ts';

export const sessionModule: ServerModule = { name: 'session', routes: sessionRoutes };
