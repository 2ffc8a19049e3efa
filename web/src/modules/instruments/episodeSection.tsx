// The assessments' part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeAssessments } from './EpisodeAssessments.tsx';

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeAssessments episodeId={episode.id} open={open} assessments={episode.assessments ?? []} />;
}
