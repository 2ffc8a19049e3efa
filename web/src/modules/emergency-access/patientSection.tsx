// The emergency access banner on the patient overview (web/README.md).
export { EmergencyBanner as PatientSection } from './EmergencyBanner.tsx';
