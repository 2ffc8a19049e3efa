// The restrictions module's part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeRestrictionPanel } from './RestrictionPanel.tsx';

export function EpisodeSection({ episode }: { episode: EpisodeView }) {
  return <EpisodeRestrictionPanel episode={episode} />;
}
