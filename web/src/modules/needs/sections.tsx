// The needs module's parts of the patient overview and the episode screen (web/README.md).
import { SimpleGrid } from '@mantine/core';
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { EpisodeNeeds } from './EpisodeNeeds.tsx';
import { NeedsSummary, StrengthsSection } from './PatientNeeds.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <NeedsSummary needs={patient.needs} />
      <StrengthsSection patientId={patient.id} strengths={patient.needs.strengths} editable={patient.mergedIntoId === null} />
    </SimpleGrid>
  );
}

export function EpisodeSection({ episode, open }: { episode: EpisodeView; open: boolean }) {
  return <EpisodeNeeds episodeId={episode.id} open={open} needs={episode.needs ?? []} />;
}
