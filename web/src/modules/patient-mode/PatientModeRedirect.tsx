import { Navigate } from 'react-router';
import { usePatientModeQuery } from './patientModeQueries.ts';

/** Inside the app's frame: a session handed to a patient goes back to the patient's screen (a reload, a typed address). */
export function PatientModeRedirect() {
  const lock = usePatientModeQuery();
  return lock.data?.assessmentId ? <Navigate to="/patient-mode" replace /> : null;
}
