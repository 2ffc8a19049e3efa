import type { ServerModule } from '../../lib/modules.ts';
import { restrictionKind } from './records.ts';
import { restrictionRoutes } from './routes.ts';
import { Nullable } from '../../lib/http/schemas.ts';
import { RestrictionOverviewSchema, RestrictionSchema } from './schemas.ts';
import { episodeRestriction, restrictionOverview } from './service.ts';

/** Restricted patients and episodes (42 CFR Part 2, docs/restrictions.md): the rule itself is in patients/access.ts. */
export const restrictionsModule: ServerModule = {
  name: 'restrictions',
  routes: restrictionRoutes,
  patientRecords: [restrictionKind],
  overview: { key: 'restriction', schema: RestrictionOverviewSchema, load: restrictionOverview },
  episode: { key: 'restriction', schema: Nullable(RestrictionSchema), load: episodeRestriction },
};
