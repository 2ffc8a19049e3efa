import type { ServerModule } from '../../lib/modules.ts';
import { organizationRoutes } from './routes.ts';

export const organizationModule: ServerModule = { name: 'organization', routes: organizationRoutes };
