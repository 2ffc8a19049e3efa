// The restriction on the patient overview and on the episode screen (docs/restrictions.md).
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { EpisodeRestrictionPanel, PatientRestrictionPanel } from './RestrictionPanel.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientRestrictionPanel patient={patient} />;
}

export function EpisodeSection({ episode }: { episode: EpisodeView }) {
  return <EpisodeRestrictionPanel episode={episode} />;
}
