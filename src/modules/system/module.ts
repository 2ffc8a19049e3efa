import type { ServerModule } from '../../lib/modules.ts';
import { systemRoutes } from './routes.ts';

export const systemModule: ServerModule = { name: 'system', routes: systemRoutes };
