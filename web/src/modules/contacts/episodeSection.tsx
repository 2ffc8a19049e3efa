// The contacts module's part of the episode screen (web/README.md).
import type { EpisodeView } from '../../app/webModule.ts';
import { EpisodeContacts } from './EpisodeContacts.tsx';

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeContacts patientId={episode.patientId} episodeId={episode.id} open={open} contacts={episode.contacts} />;
}
