// The consents module's part of the patient overview (web/README.md).
import type { PatientView } from '../../app/webModule.ts';
import { ConsentGlance } from './ConsentGlance.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <ConsentGlance patientId={patient.id} consents={patient.consents} />;
}
