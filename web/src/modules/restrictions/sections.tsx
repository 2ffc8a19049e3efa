// The restriction on the patient overview (docs/restrictions.md).
import type { PatientView } from '../../app/webModule.ts';
import { RestrictionPanel } from './RestrictionPanel.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <RestrictionPanel patient={patient} />;
}
