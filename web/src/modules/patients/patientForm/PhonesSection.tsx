import { Fieldset, Group, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { phoneKinds, type PhoneKind } from '../../../api/codes.ts';
import { RepeatableRows } from '../../../components/forms/RepeatableRows.tsx';
import { useT } from '../../../i18n/I18nProvider.tsx';
import { blankPhone } from '../patientFormValues.ts';
import { rowError, type PatientForm } from './types.ts';

/** Phone numbers, each with whether texts and voicemail are all right. */
export function PhonesSection({ form }: { form: PatientForm }) {
  const t = useT();
  return (
    <Fieldset legend={t('patientForm.section.phones')}>
      <RepeatableRows
        rows={form.values.phones}
        empty={t('patientForm.noPhones')}
        addLabel={t('patientForm.addPhone')}
        onAdd={() => form.insertListItem('phones', blankPhone())}
        removeLabel={(index) => t('patientForm.removePhone', { n: index + 1 })}
        onRemove={(index) => form.removeListItem('phones', index)}
        fields={(_phone, index) => (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('patientForm.phoneNumber', { n: index + 1 })}
              type="tel"
              {...form.getInputProps(`phones.${index}.number`)}
              error={rowError(form, `phones.${index}`, 'number')}
              autoComplete="off"
            />
            <Select<PhoneKind>
              label={t('patientForm.phoneKind', { n: index + 1 })}
              data={phoneKinds.map((code) => ({ value: code, label: t(`phoneKind.${code}`) }))}
              {...form.getInputProps(`phones.${index}.kind`)}
              allowDeselect={false}
            />
          </SimpleGrid>
        )}
        below={(_phone, index) => (
          <Group gap="lg">
            <Switch label={t('patientForm.consentToText')} {...form.getInputProps(`phones.${index}.consentToText`, { type: 'checkbox' })} />
            <Switch label={t('patientForm.voicemailSafe')} {...form.getInputProps(`phones.${index}.voicemailSafe`, { type: 'checkbox' })} />
          </Group>
        )}
      />
    </Fieldset>
  );
}
