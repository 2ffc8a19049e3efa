import type { ServerModule } from '../../lib/modules.ts';
import { staffRoutes } from './routes.ts';

export const staffModule: ServerModule = { name: 'staff', routes: staffRoutes };
