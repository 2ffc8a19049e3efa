// The contacts module's part of the patient overview (web/README.md).
import type { PatientView } from '../../app/webModule.ts';
import { PatientContacts } from './PatientContacts.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientContacts patientId={patient.id} contacts={patient.contacts ?? []} />;
}
