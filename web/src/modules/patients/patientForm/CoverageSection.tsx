import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { coverageKinds, type CoverageKind } from '../../../api/codes.ts';
import { RepeatableRows } from '../../../components/forms/RepeatableRows.tsx';
import { useT } from '../../../i18n/I18nProvider.tsx';
import { rowKey } from '../patientFormValues.ts';
import { rowError, type PatientForm } from './types.ts';

/** Medicaid, Medicare, private insurance and other coverage. */
export function CoverageSection({ form }: { form: PatientForm }) {
  const t = useT();
  return (
    <Fieldset legend={t('patientForm.section.coverage')}>
      <RepeatableRows
        rows={form.values.coverages}
        empty={t('patientForm.noCoverage')}
        addLabel={t('patientForm.addCoverage')}
        onAdd={() =>
          form.insertListItem('coverages', { key: rowKey(), kind: 'medicaid', payerName: '', memberId: '', startDate: '', endDate: '' })
        }
        removeLabel={(index) => t('patientForm.removeCoverage', { n: index + 1 })}
        onRemove={(index) => form.removeListItem('coverages', index)}
        fields={(_coverage, index) => {
          const row = `coverages.${index}`;
          return (
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm">
              <Select<CoverageKind>
                label={t('patientForm.coverageKind', { n: index + 1 })}
                data={coverageKinds.map((code) => ({ value: code, label: t(`coverageKind.${code}`) }))}
                {...form.getInputProps(`${row}.kind`)}
                error={rowError(form, row, 'kind')}
                allowDeselect={false}
              />
              <TextInput label={t('patientForm.payerName')} {...form.getInputProps(`${row}.payerName`)} />
              <TextInput label={t('patientForm.memberId')} {...form.getInputProps(`${row}.memberId`)} />
              <TextInput label={t('patientForm.coverageStart')} type="date" {...form.getInputProps(`${row}.startDate`)} />
              <TextInput label={t('patientForm.coverageEnd')} type="date" {...form.getInputProps(`${row}.endDate`)} />
            </SimpleGrid>
          );
        }}
      />
    </Fieldset>
  );
}
