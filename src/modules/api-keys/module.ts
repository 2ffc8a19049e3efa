import type { ServerModule } from '../../lib/modules.ts';
import { apiKeyRoutes } from './routes.ts';

export const apiKeysModule: ServerModule = { name: 'api-keys', routes: apiKeyRoutes };
