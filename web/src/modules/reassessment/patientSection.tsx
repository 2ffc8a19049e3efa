// The reassessment module's part of the patient overview (web/README.md).
import type { PatientView } from '../../app/webModule.ts';
import { PatientScoreTrends } from './PatientScoreTrends.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientScoreTrends history={patient.scoreHistory} />;
}
