import type { ServerModule } from '../../lib/modules.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: ServerModule = { name: 'audit', routes: auditRoutes };
