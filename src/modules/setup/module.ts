import type { ServerModule } from '../../lib/modules.ts';
import { setupRoutes } from './routes.ts';

export const setupModule: ServerModule = { name: 'setup', routes: setupRoutes };
