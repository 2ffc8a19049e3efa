import type { ServerModule } from '../../lib/modules.ts';
import { assessmentKind } from './records.ts';
import { assessmentRoutes } from './routes.ts';

/** Instruments administered to patients in an episode (docs/assessments.md). */
export const assessmentsModule: ServerModule = { name: 'assessments', routes: assessmentRoutes, patientRecords: [assessmentKind] };
