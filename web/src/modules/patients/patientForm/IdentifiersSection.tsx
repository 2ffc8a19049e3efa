import { Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { identifierSystems, type IdentifierSystem } from '../../../api/codes.ts';
import { RepeatableRows } from '../../../components/forms/RepeatableRows.tsx';
import { useT } from '../../../i18n/I18nProvider.tsx';
import { rowKey } from '../patientFormValues.ts';
import { errorAt, rowError, type PatientForm } from './types.ts';

interface IdentifiersSectionProps {
  form: PatientForm;
  /** An ID number is on another record (the duplicate check): every number is marked, and this says why. */
  sharedError: string | null;
}

/** Medical record numbers, Medicaid IDs and the like. */
export function IdentifiersSection({ form, sharedError }: IdentifiersSectionProps) {
  const t = useT();
  const error = sharedError ?? errorAt(form, 'identifiers') ?? null;
  return (
    <Fieldset legend={t('patientForm.section.identifiers')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('patientForm.identifiersDescription')}
        </Text>
        <RepeatableRows
          gap="sm"
          rows={form.values.identifiers}
          addLabel={t('patientForm.addIdentifier')}
          onAdd={() => form.insertListItem('identifiers', { key: rowKey(), system: 'mrn', value: '', label: null })}
          removeLabel={(index) => t('patientForm.removeIdentifier', { n: index + 1 })}
          onRemove={(index) => form.removeListItem('identifiers', index)}
          fields={(_identifier, index) => (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select<IdentifierSystem>
                label={t('patientForm.identifierSystem', { n: index + 1 })}
                data={identifierSystems.map((code) => ({ value: code, label: t(`identifierSystem.${code}`) }))}
                {...form.getInputProps(`identifiers.${index}.system`)}
                allowDeselect={false}
              />
              <TextInput
                label={t('patientForm.identifierValue', { n: index + 1 })}
                {...form.getInputProps(`identifiers.${index}.value`)}
                error={sharedError !== null ? true : rowError(form, `identifiers.${index}`, 'value')}
                autoComplete="off"
              />
            </SimpleGrid>
          )}
          footer={
            error !== null && (
              <Text size="sm" c="red.8" role="alert" id="identifier-error">
                {error}
              </Text>
            )
          }
        />
      </Stack>
    </Fieldset>
  );
}
