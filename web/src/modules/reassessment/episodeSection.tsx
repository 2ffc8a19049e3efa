// The reassessment module's part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeReassessments } from './EpisodeReassessments.tsx';

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeReassessments episodeId={episode.id} programId={episode.programId} open={open} reassessments={episode.reassessments} />;
}
