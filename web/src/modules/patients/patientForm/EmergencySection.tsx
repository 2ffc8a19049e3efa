import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/I18nProvider.tsx';
import type { PatientForm } from './types.ts';

/** Who to call in an emergency. */
export function EmergencySection({ form }: { form: PatientForm }) {
  const t = useT();
  return (
    <Fieldset legend={t('patientForm.section.emergency')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('patientForm.emergencyContactName')} {...form.getInputProps('emergencyContactName')} autoComplete="off" />
        <TextInput
          label={t('patientForm.emergencyContactRelationship')}
          {...form.getInputProps('emergencyContactRelationship')}
          autoComplete="off"
        />
        <TextInput
          label={t('patientForm.emergencyContactPhone')}
          type="tel"
          {...form.getInputProps('emergencyContactPhone')}
          autoComplete="off"
        />
      </SimpleGrid>
    </Fieldset>
  );
}
