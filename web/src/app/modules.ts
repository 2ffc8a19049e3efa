// The web app's modules, one line each (web/README.md "Adding a module"): their pages, their
// navigation entries and their messages are all the app knows of them. registry.ts reads this.
export { accountModule } from '../modules/account/module.ts';
export { apiKeysModule } from '../modules/api-keys/module.ts';
export { asamModule } from '../modules/asam/module.ts';
export { auditModule } from '../modules/audit/module.ts';
export { caseloadModule } from '../modules/caseload/module.ts';
export { contactsModule } from '../modules/contacts/module.ts';
export { consentsModule } from '../modules/consents/module.ts';
export { emergencyAccessModule } from '../modules/emergency-access/module.ts';
export { homeModule } from '../modules/home/module.ts';
export { instrumentsModule } from '../modules/instruments/module.ts';
export { needsModule } from '../modules/needs/module.ts';
export { invitationsModule } from '../modules/invitations/module.ts';
export { organizationModule } from '../modules/organization/module.ts';
export { patientModeModule } from '../modules/patient-mode/module.ts';
export { patientsModule } from '../modules/patients/module.ts';
export { programsModule } from '../modules/programs/module.ts';
export { reassessmentModule } from '../modules/reassessment/module.ts';
export { restrictionsModule } from '../modules/restrictions/module.ts';
export { sessionModule } from '../modules/session/module.ts';
export { setupModule } from '../modules/setup/module.ts';
export { staffModule } from '../modules/staff/module.ts';
export { registrationReviewsModule } from '../modules/registration-reviews/module.ts';
export { tasksModule } from '../modules/tasks/module.ts';
export { todayModule } from '../modules/today/module.ts';
export { timelineModule } from '../modules/timeline/module.ts';
