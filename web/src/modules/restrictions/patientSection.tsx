// The restrictions module's part of the patient overview (web/README.md).
import type { PatientView } from '../../app/webModule.ts';
import { PatientRestrictionPanel } from './RestrictionPanel.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientRestrictionPanel patient={patient} />;
}
