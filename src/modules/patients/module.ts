import type { ServerModule } from '../../lib/modules.ts';
import { patientRecordKinds } from './records.ts';
import { patientRoutes } from './routes.ts';

/** Patients: the registry, duplicate checks, search and merges (docs/patients.md). */
export const patientsModule: ServerModule = {
  name: 'patients',
  routes: patientRoutes,
  patientRecords: patientRecordKinds,
};
