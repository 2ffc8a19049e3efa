import type { FieldDisplays, FieldLabels } from '../../../components/forms/StaleNotice.tsx';
import { useT } from '../../../i18n/I18nProvider.tsx';
import type { PatientFormValues } from '../patientFormValues.ts';
import { useLanguageOptions } from './useLanguageOptions.ts';

/** How the stale-record notice names each field of the patient form and shows its value. */
export function useCompareLabels(preferredLanguage: string): {
  labels: FieldLabels<PatientFormValues>;
  display: FieldDisplays<PatientFormValues>;
} {
  const t = useT();
  const languages = useLanguageOptions(preferredLanguage);
  const labels: FieldLabels<PatientFormValues> = {
    legalFirstName: t('patientForm.legalFirstName'),
    legalMiddleName: t('patientForm.legalMiddleName'),
    legalLastName: t('patientForm.legalLastName'),
    preferredName: t('patientForm.preferredName'),
    pronouns: t('patientForm.pronouns'),
    dateOfBirth: t('patientForm.dateOfBirth'),
    sexAtBirth: t('patientForm.sexAtBirth'),
    genderIdentity: t('patientForm.genderIdentity'),
    raceEthnicity: t('patientForm.raceEthnicity'),
    preferredLanguage: t('patientForm.preferredLanguage'),
    interpreterNeeded: t('patientForm.interpreterNeeded'),
    phones: t('patientForm.section.phones'),
    noFixedAddress: t('patientForm.noFixedAddress'),
    addressLine1: t('patientForm.addressLine1'),
    addressLine2: t('patientForm.addressLine2'),
    city: t('patientForm.city'),
    state: t('patientForm.state'),
    postalCode: t('patientForm.postalCode'),
    howToReach: t('patientForm.howToReach'),
    emergencyContactName: t('patientForm.emergencyContactName'),
    emergencyContactRelationship: t('patientForm.emergencyContactRelationship'),
    emergencyContactPhone: t('patientForm.emergencyContactPhone'),
    identifiers: t('patientForm.section.identifiers'),
    coverages: t('patientForm.section.coverage'),
  };
  const display: FieldDisplays<PatientFormValues> = {
    sexAtBirth: (code) => (code === null ? '' : t(`sexAtBirth.${code}`)),
    genderIdentity: (code) => (code === null ? '' : t(`genderIdentity.${code}`)),
    raceEthnicity: (codes) => codes.map((code) => t(`raceEthnicity.${code}`)).join(', '),
    preferredLanguage: (code) => languages.find((language) => language.value === code)?.label ?? code,
    phones: (phones) =>
      phones
        .filter((phone) => phone.number.trim() !== '')
        .map((phone) => `${phone.number} (${t(`phoneKind.${phone.kind}`)})`)
        .join(', '),
    identifiers: (identifiers) =>
      identifiers
        .filter((identifier) => identifier.value.trim() !== '')
        .map((identifier) => `${t(`identifierSystem.${identifier.system}`)} ${identifier.value}`)
        .join(', '),
    coverages: (coverages) =>
      coverages
        .map((coverage) => [t(`coverageKind.${coverage.kind}`), coverage.payerName, coverage.memberId].filter(Boolean).join(' '))
        .join(', '),
  };
  return { labels, display };
}
