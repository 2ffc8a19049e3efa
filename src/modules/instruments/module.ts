import type { ServerModule } from '../../lib/modules.ts';
import { instrumentRoutes } from './routes.ts';

export const instrumentsModule: ServerModule = { name: 'instruments', routes: instrumentRoutes };
