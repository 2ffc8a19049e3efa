import { Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/I18nProvider.tsx';
import type { PatientForm } from './types.ts';

/** Legal name, the name they use, pronouns and date of birth. */
export function NameSection({ form }: { form: PatientForm }) {
  const t = useT();
  return (
    <Fieldset legend={t('patientForm.section.name')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('patientForm.legalFirstName')}
            {...form.getInputProps('legalFirstName')}
            required
            autoComplete="off"
            data-autofocus
          />
          <TextInput label={t('patientForm.legalMiddleName')} {...form.getInputProps('legalMiddleName')} autoComplete="off" />
          <TextInput
            label={t('patientForm.legalLastName')}
            description={t('patientForm.legalLastNameDescription')}
            {...form.getInputProps('legalLastName')}
            required
            autoComplete="off"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('patientForm.preferredName')}
            description={t('patientForm.preferredNameDescription')}
            {...form.getInputProps('preferredName')}
            autoComplete="off"
          />
          <TextInput
            label={t('patientForm.pronouns')}
            description={t('patientForm.pronounsDescription')}
            {...form.getInputProps('pronouns')}
            autoComplete="off"
          />
          <TextInput
            label={t('patientForm.dateOfBirth')}
            description={t('patientForm.dateOfBirthDescription')}
            type="date"
            {...form.getInputProps('dateOfBirth')}
            required
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
