// The needs module's part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeNeeds } from './EpisodeNeeds.tsx';

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeNeeds episodeId={episode.id} open={open} needs={episode.needs ?? []} />;
}
