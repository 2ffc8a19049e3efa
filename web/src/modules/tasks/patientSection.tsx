// The tasks module's part of the patient overview (web/README.md).
import type { PatientView } from '../../app/webModule.ts';
import { PatientTasks } from './PatientTasks.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientTasks patient={patient} />;
}
