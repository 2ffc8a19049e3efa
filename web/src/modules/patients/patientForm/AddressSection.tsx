import { Checkbox, Fieldset, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useT } from '../../../i18n/I18nProvider.tsx';
import type { PatientForm } from './types.ts';

/** Where they live, or that they have no fixed address, and how to reach them. */
export function AddressSection({ form }: { form: PatientForm }) {
  const t = useT();
  const { noFixedAddress } = form.values;
  return (
    <Fieldset legend={t('patientForm.section.address')}>
      <Stack gap="sm">
        <Checkbox
          label={t('patientForm.noFixedAddress')}
          description={t('patientForm.noFixedAddressDescription')}
          {...form.getInputProps('noFixedAddress', { type: 'checkbox' })}
        />
        {!noFixedAddress && (
          <>
            <TextInput label={t('patientForm.addressLine1')} {...form.getInputProps('addressLine1')} autoComplete="off" />
            <TextInput label={t('patientForm.addressLine2')} {...form.getInputProps('addressLine2')} autoComplete="off" />
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <TextInput label={t('patientForm.city')} {...form.getInputProps('city')} autoComplete="off" />
              <TextInput label={t('patientForm.state')} {...form.getInputProps('state')} autoComplete="off" />
              <TextInput label={t('patientForm.postalCode')} {...form.getInputProps('postalCode')} autoComplete="off" />
            </SimpleGrid>
          </>
        )}
        <Textarea
          label={t('patientForm.howToReach')}
          description={noFixedAddress ? t('patientForm.howToReachRequiredDescription') : t('patientForm.howToReachDescription')}
          {...form.getInputProps('howToReach')}
          required={noFixedAddress}
          autosize
          minRows={2}
        />
      </Stack>
    </Fieldset>
  );
}
