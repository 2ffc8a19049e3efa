import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { genderIdentities, raceEthnicities, sexesAtBirth, type GenderIdentity, type SexAtBirth } from '../../../api/codes.ts';
import { useT } from '../../../i18n/I18nProvider.tsx';
import { isCode } from '../patientFormValues.ts';
import type { PatientForm } from './types.ts';
import { useLanguageOptions } from './useLanguageOptions.ts';

/** Sex at birth, gender identity, race and ethnicity, language and interpreter. */
export function AboutSection({ form }: { form: PatientForm }) {
  const t = useT();
  const languages = useLanguageOptions(form.values.preferredLanguage);

  const toggleRace = (next: string[]) => {
    const chosen = next.filter((code) => isCode(raceEthnicities, code));
    const added = chosen.find((code) => !form.values.raceEthnicity.includes(code));
    // "Prefer not to answer" excludes the other answers, and the other way round.
    form.setFieldValue('raceEthnicity', added === 'declined' ? ['declined'] : chosen.filter((code) => code !== 'declined'));
  };

  return (
    <Fieldset legend={t('patientForm.section.about')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select<SexAtBirth>
            label={t('patientForm.sexAtBirth')}
            data={sexesAtBirth.map((code) => ({ value: code, label: t(`sexAtBirth.${code}`) }))}
            {...form.getInputProps('sexAtBirth')}
            clearable
            placeholder={t('patientForm.notRecorded')}
          />
          <Select<GenderIdentity>
            label={t('patientForm.genderIdentity')}
            data={genderIdentities.map((code) => ({ value: code, label: t(`genderIdentity.${code}`) }))}
            {...form.getInputProps('genderIdentity')}
            clearable
            placeholder={t('patientForm.notRecorded')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('patientForm.raceEthnicity')}
          description={t('patientForm.raceEthnicityDescription')}
          {...form.getInputProps('raceEthnicity')}
          onChange={toggleRace}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {raceEthnicities.map((code) => (
              <Checkbox key={code} value={code} label={t(`raceEthnicity.${code}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('patientForm.preferredLanguage')}
            data={languages}
            {...form.getInputProps('preferredLanguage')}
            searchable
            allowDeselect={false}
          />
          <Switch
            mt={{ base: 0, sm: 30 }}
            label={t('patientForm.interpreterNeeded')}
            {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
