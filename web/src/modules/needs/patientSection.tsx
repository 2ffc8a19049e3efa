// The needs module's part of the patient overview (web/README.md).
import { SimpleGrid } from '@mantine/core';
import type { PatientView } from '../../app/webModule.ts';
import { NeedsSummary, StrengthsSection } from './PatientNeeds.tsx';

export function PatientSection({ patient }: { patient: PatientView }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <NeedsSummary needs={patient.needs} />
      <StrengthsSection patientId={patient.id} strengths={patient.needs.strengths} editable={patient.mergedIntoId === null} />
    </SimpleGrid>
  );
}
