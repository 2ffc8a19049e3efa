// The contacts module's parts of the patient overview and the episode screen (web/README.md).
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { EpisodeContacts, PatientContacts } from './EpisodeContacts.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return <PatientContacts patientId={patient.id} contacts={patient.contacts ?? []} />;
}

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeContacts patientId={episode.patientId} episodeId={episode.id} open={open} contacts={episode.contacts} />;
}
