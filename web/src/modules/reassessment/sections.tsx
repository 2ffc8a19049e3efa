// The reassessment module's parts of the patient overview and the episode screen (web/README.md).
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { EpisodeReassessments } from './EpisodeReassessments.tsx';
import { PatientScoreTrends } from './PatientScoreTrends.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientScoreTrends history={patient.scoreHistory} />;
}

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeReassessments episodeId={episode.id} programId={episode.programId} open={open} reassessments={episode.reassessments} />;
}
