import type { ServerModule } from '../../lib/modules.ts';
import { programRoutes } from './routes.ts';

export const programsModule: ServerModule = { name: 'programs', routes: programRoutes };
