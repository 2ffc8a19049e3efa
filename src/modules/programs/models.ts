export { CASE_MANAGEMENT_MODELS, type CaseManagementModel } from '../../codes.ts';
