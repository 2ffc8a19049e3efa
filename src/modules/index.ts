import { apiKeysModule } from './api-keys/module.ts';
import { asamModule } from './asam/module.ts';
import { assessmentsModule } from './assessments/module.ts';
import { auditModule } from './audit/module.ts';
import { contactsModule } from './contacts/module.ts';
import { consentsModule } from './consents/module.ts';
import { emergencyAccessModule } from './emergency-access/module.ts';
import { episodesModule } from './episodes/module.ts';
import { instrumentsModule } from './instruments/module.ts';
import { needsModule } from './needs/module.ts';
import { organizationModule } from './organization/module.ts';
import { patientModeModule } from './patient-mode/module.ts';
import { patientsModule } from './patients/module.ts';
import { programsModule } from './programs/module.ts';
import { reassessmentModule } from './reassessment/module.ts';
import { restrictionsModule } from './restrictions/module.ts';
import { sessionModule } from './session/module.ts';
import { setupModule } from './setup/module.ts';
import { staffModule } from './staff/module.ts';
import { systemModule } from './system/module.ts';
import { tasksModule } from './tasks/module.ts';
import { timelineModule } from './timeline/module.ts';
import { todayModule } from './today/module.ts';

/**
 * Every module of the server, one line each (docs/modules.md). The order is the order their
 * routes register in, their overview sections appear in and a merge moves their records in.
 */
export const modules = [
  systemModule,
  setupModule,
  sessionModule,
  organizationModule,
  programsModule,
  staffModule,
  apiKeysModule,
  auditModule,
  patientsModule,
  episodesModule,
  instrumentsModule,
  assessmentsModule,
  tasksModule,
  todayModule,
  timelineModule,
  contactsModule,
  needsModule,
  patientModeModule,
  asamModule,
  reassessmentModule,
  consentsModule,
  emergencyAccessModule,
  restrictionsModule,
];
