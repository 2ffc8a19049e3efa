// The ASAM reviews' part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeAsamReviews } from './EpisodeAsamReviews.tsx';

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  // A new review starts in the edition of the episode's latest placement.
  const edition = episode.placements.findLast((p) => p.levelEdition !== 'other')?.levelEdition === 'asam-4' ? 'asam-4' : 'asam-3';
  return <EpisodeAsamReviews episodeId={episode.id} open={open} reviews={episode.asamReviews ?? []} defaultEdition={edition} />;
}
