import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import {
  coverageKinds,
  genderIdentities,
  identifierSystems,
  phoneKinds,
  raceEthnicities,
  sexesAtBirth,
  type CoverageKind,
  type GenderIdentity,
  type IdentifierSystem,
  type PhoneKind,
  type RaceEthnicity,
  type SexAtBirth,
} from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useFieldProblemText, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { blockedBySharedIdentifier, displayName } from './patientHelpers.ts';
import { PossibleDuplicateError, patientsKey, registerPatient, type Patient } from './patientQueries.ts';

export type PatientDialog = { mode: 'create' } | { mode: 'edit'; patient: Patient } | null;

import {
  blankPhone,
  bodyOf,
  commonLanguages,
  emptyValues,
  fields,
  isCode,
  rowKey,
  valuesOf,
  type PatientFormValues,
} from './patientFormValues.ts';

interface PatientFormDialogProps {
  dialog: PatientDialog;
  onClose: () => void;
  onSaved: (patient: Patient) => void;
}

/** Registering a patient (with the possible-duplicate review) and editing one. */
export function PatientFormDialog({ dialog, onClose, onSaved }: PatientFormDialogProps) {
  const t = useT();
  return (
    <Dialog
      opened={dialog !== null}
      onClose={onClose}
      title={dialog?.mode === 'edit' ? t('patientForm.editTitle', { name: displayName(dialog.patient) }) : t('patientForm.createTitle')}
      size="xl"
      closeOnClickOutside={false}
    >
      {dialog !== null && (
        <PatientForm
          key={dialog.mode === 'edit' ? dialog.patient.id : 'create'}
          editing={dialog.mode === 'edit' ? dialog.patient : null}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

function PatientForm({ editing, onClose, onSaved }: { editing: Patient | null; onClose: () => void; onSaved: (patient: Patient) => void }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [staleNotice, setStaleNotice] = useState(false);
  const form = useForm<PatientFormValues>(editing === null ? emptyValues() : valuesOf(editing));
  const { values } = form;
  const reviewRef = useRef<HTMLDivElement>(null);

  const languageData = useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale === 'es' ? 'es-US' : 'en-US'], { type: 'language' });
    } catch {
      names = null;
    }
    const codes = commonLanguages.includes(values.preferredLanguage) ? commonLanguages : [...commonLanguages, values.preferredLanguage];
    return codes.map((code) => ({ value: code, label: names?.of(code) ?? code }));
  }, [locale, values.preferredLanguage]);

  const save = useMutation({
    mutationFn: async (confirmedNotDuplicate: boolean): Promise<Patient> => {
      if (editing === null)
        return registerPatient({ ...bodyOf(values), ...(confirmedNotDuplicate ? { confirmedNotDuplicate: true } : {}) });
      return unwrap(api.PATCH('/api/patients/{id}', { params: { path: { id: editing.id } }, body: { ...bodyOf(values), version } }));
    },
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      onSaved(patient);
    },
    onError: async (error) => {
      if (error instanceof PossibleDuplicateError) {
        // Bring the review into view: the form is long and the user is at its foot.
        requestAnimationFrame(() => reviewRef.current?.scrollIntoView({ block: 'nearest' }));
        return;
      }
      // Someone else saved this record meanwhile: load their version and say so.
      if (editing !== null && error instanceof ApiError && error.problemType === 'stale-version') {
        const latest = await unwrap(api.GET('/api/patients/{id}', { params: { path: { id: editing.id } } }));
        setVersion(latest.version);
        form.reset(valuesOf(latest));
        setStaleNotice(true);
        void queryClient.invalidateQueries({ queryKey: patientsKey });
      }
    },
  });

  const duplicates = save.error instanceof PossibleDuplicateError ? save.error.duplicates : null;
  const sharedIdentifier = duplicates !== null && blockedBySharedIdentifier(duplicates, save.variables === true);
  const stale = save.error instanceof ApiError && save.error.problemType === 'stale-version';
  const server = useServerErrors(stale || duplicates !== null ? null : save.error, fields);
  const describeField = useFieldProblemText();
  // Field errors inside a list (`/phones/1/number`) go next to that row's input.
  const rowError = (path: string): string | undefined => {
    if (!(save.error instanceof ApiError) || duplicates !== null) return undefined;
    const found = save.error.problem.errors?.find((error) => error.path === path || error.path.startsWith(`${path}/`));
    if (found === undefined) return undefined;
    return describeField(found);
  };
  const alert = server.alert === t('form.checkFields') ? t('patientForm.checkFieldsAbove') : server.alert;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStaleNotice(false);
    const ok = form.validate(
      (v) => ({
        legalFirstName: v.legalFirstName.trim() === '' ? t('patientForm.firstNameRequired') : undefined,
        legalLastName: v.legalLastName.trim() === '' ? t('patientForm.lastNameRequired') : undefined,
        dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? undefined : t('patientForm.dateOfBirthRequired'),
        howToReach: v.noFixedAddress && v.howToReach.trim() === '' ? t('patientForm.howToReachRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate(false);
  };

  const setRow = <K extends 'phones' | 'identifiers' | 'coverages'>(key: K, index: number, patch: Partial<PatientFormValues[K][number]>) =>
    form.set(key, values[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) as PatientFormValues[K]);
  const removeRow = (key: 'phones' | 'identifiers' | 'coverages', index: number) =>
    form.set(key, values[key].filter((_, i) => i !== index) as never);

  const toggleRace = (next: string[]) => {
    const chosen = next.filter((code): code is RaceEthnicity => isCode(raceEthnicities, code));
    const added = chosen.find((code) => !values.raceEthnicity.includes(code));
    // "Prefer not to answer" excludes the other answers, and the other way round.
    if (added === 'declined') form.set('raceEthnicity', ['declined']);
    else
      form.set(
        'raceEthnicity',
        chosen.filter((code) => code !== 'declined'),
      );
  };

  const identifierError = sharedIdentifier
    ? duplicates.candidates.some((candidate) => candidate.reasons.includes('same-identifier'))
      ? t('patientForm.identifierShared')
      : t('patientForm.identifierSharedHidden')
    : (form.errorFor('identifiers', server.fieldErrors) ?? undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {(stale || staleNotice) && (
          <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
            {t('stale.reloaded')}
          </Alert>
        )}
        {editing === null && <Text size="sm">{t('patientForm.intro')}</Text>}

        <Fieldset legend={t('patientForm.section.name')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('patientForm.legalFirstName')}
                value={values.legalFirstName}
                onChange={(event) => form.set('legalFirstName', event.currentTarget.value)}
                error={form.errorFor('legalFirstName', server.fieldErrors)}
                required
                autoComplete="off"
                data-autofocus
              />
              <TextInput
                label={t('patientForm.legalMiddleName')}
                value={values.legalMiddleName}
                onChange={(event) => form.set('legalMiddleName', event.currentTarget.value)}
                error={form.errorFor('legalMiddleName', server.fieldErrors)}
                autoComplete="off"
              />
              <TextInput
                label={t('patientForm.legalLastName')}
                value={values.legalLastName}
                onChange={(event) => form.set('legalLastName', event.currentTarget.value)}
                error={form.errorFor('legalLastName', server.fieldErrors)}
                required
                autoComplete="off"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('patientForm.preferredName')}
                description={t('patientForm.preferredNameDescription')}
                value={values.preferredName}
                onChange={(event) => form.set('preferredName', event.currentTarget.value)}
                error={form.errorFor('preferredName', server.fieldErrors)}
                autoComplete="off"
              />
              <TextInput
                label={t('patientForm.pronouns')}
                description={t('patientForm.pronounsDescription')}
                value={values.pronouns}
                onChange={(event) => form.set('pronouns', event.currentTarget.value)}
                error={form.errorFor('pronouns', server.fieldErrors)}
                autoComplete="off"
              />
              <TextInput
                label={t('patientForm.dateOfBirth')}
                description={t('patientForm.dateOfBirthDescription')}
                type="date"
                value={values.dateOfBirth}
                onChange={(event) => form.set('dateOfBirth', event.currentTarget.value)}
                error={form.errorFor('dateOfBirth', server.fieldErrors)}
                required
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.about')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select<SexAtBirth>
                label={t('patientForm.sexAtBirth')}
                data={sexesAtBirth.map((code) => ({ value: code, label: t(`sexAtBirth.${code}`) }))}
                value={values.sexAtBirth}
                onChange={(next) => form.set('sexAtBirth', next)}
                error={form.errorFor('sexAtBirth', server.fieldErrors)}
                clearable
                placeholder={t('patientForm.notRecorded')}
              />
              <Select<GenderIdentity>
                label={t('patientForm.genderIdentity')}
                data={genderIdentities.map((code) => ({ value: code, label: t(`genderIdentity.${code}`) }))}
                value={values.genderIdentity}
                onChange={(next) => form.set('genderIdentity', next)}
                error={form.errorFor('genderIdentity', server.fieldErrors)}
                clearable
                placeholder={t('patientForm.notRecorded')}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('patientForm.raceEthnicity')}
              description={t('patientForm.raceEthnicityDescription')}
              value={values.raceEthnicity}
              onChange={toggleRace}
              error={form.errorFor('raceEthnicity', server.fieldErrors)}
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
                data={languageData}
                value={values.preferredLanguage}
                onChange={(next) => {
                  if (next !== null) form.set('preferredLanguage', next);
                }}
                error={form.errorFor('preferredLanguage', server.fieldErrors)}
                searchable
                allowDeselect={false}
              />
              <Switch
                mt={{ base: 0, sm: 30 }}
                label={t('patientForm.interpreterNeeded')}
                checked={values.interpreterNeeded}
                onChange={(event) => form.set('interpreterNeeded', event.currentTarget.checked)}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.phones')}>
          <Stack gap="md">
            {values.phones.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('patientForm.noPhones')}
              </Text>
            )}
            {values.phones.map((phone, index) => (
              <Stack key={phone.key} gap="xs">
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: 1 }}>
                    <TextInput
                      label={t('patientForm.phoneNumber', { n: index + 1 })}
                      type="tel"
                      value={phone.number}
                      onChange={(event) => setRow('phones', index, { number: event.currentTarget.value })}
                      error={rowError(`/phones/${index}`)}
                      autoComplete="off"
                    />
                    <Select<PhoneKind>
                      label={t('patientForm.phoneKind', { n: index + 1 })}
                      data={phoneKinds.map((code) => ({ value: code, label: t(`phoneKind.${code}`) }))}
                      value={phone.kind}
                      onChange={(next) => {
                        if (next !== null) setRow('phones', index, { kind: next });
                      }}
                      allowDeselect={false}
                    />
                  </SimpleGrid>
                  <CloseButton
                    size="lg"
                    mt={26}
                    onClick={() => removeRow('phones', index)}
                    aria-label={t('patientForm.removePhone', { n: index + 1 })}
                  />
                </Group>
                <Group gap="lg">
                  <Switch
                    label={t('patientForm.consentToText')}
                    checked={phone.consentToText}
                    onChange={(event) => setRow('phones', index, { consentToText: event.currentTarget.checked })}
                  />
                  <Switch
                    label={t('patientForm.voicemailSafe')}
                    checked={phone.voicemailSafe}
                    onChange={(event) => setRow('phones', index, { voicemailSafe: event.currentTarget.checked })}
                  />
                </Group>
              </Stack>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.set('phones', [...values.phones, blankPhone()])}>
                {t('patientForm.addPhone')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.address')}>
          <Stack gap="sm">
            <Checkbox
              label={t('patientForm.noFixedAddress')}
              description={t('patientForm.noFixedAddressDescription')}
              checked={values.noFixedAddress}
              onChange={(event) => form.set('noFixedAddress', event.currentTarget.checked)}
            />
            {!values.noFixedAddress && (
              <>
                <TextInput
                  label={t('patientForm.addressLine1')}
                  value={values.addressLine1}
                  onChange={(event) => form.set('addressLine1', event.currentTarget.value)}
                  error={form.errorFor('addressLine1', server.fieldErrors)}
                  autoComplete="off"
                />
                <TextInput
                  label={t('patientForm.addressLine2')}
                  value={values.addressLine2}
                  onChange={(event) => form.set('addressLine2', event.currentTarget.value)}
                  error={form.errorFor('addressLine2', server.fieldErrors)}
                  autoComplete="off"
                />
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  <TextInput
                    label={t('patientForm.city')}
                    value={values.city}
                    onChange={(event) => form.set('city', event.currentTarget.value)}
                    error={form.errorFor('city', server.fieldErrors)}
                    autoComplete="off"
                  />
                  <TextInput
                    label={t('patientForm.state')}
                    value={values.state}
                    onChange={(event) => form.set('state', event.currentTarget.value)}
                    error={form.errorFor('state', server.fieldErrors)}
                    autoComplete="off"
                  />
                  <TextInput
                    label={t('patientForm.postalCode')}
                    value={values.postalCode}
                    onChange={(event) => form.set('postalCode', event.currentTarget.value)}
                    error={form.errorFor('postalCode', server.fieldErrors)}
                    autoComplete="off"
                  />
                </SimpleGrid>
              </>
            )}
            <Textarea
              label={t('patientForm.howToReach')}
              description={values.noFixedAddress ? t('patientForm.howToReachRequiredDescription') : t('patientForm.howToReachDescription')}
              value={values.howToReach}
              onChange={(event) => form.set('howToReach', event.currentTarget.value)}
              error={form.errorFor('howToReach', server.fieldErrors)}
              required={values.noFixedAddress}
              autosize
              minRows={2}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.emergency')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('patientForm.emergencyContactName')}
              value={values.emergencyContactName}
              onChange={(event) => form.set('emergencyContactName', event.currentTarget.value)}
              error={form.errorFor('emergencyContactName', server.fieldErrors)}
              autoComplete="off"
            />
            <TextInput
              label={t('patientForm.emergencyContactRelationship')}
              value={values.emergencyContactRelationship}
              onChange={(event) => form.set('emergencyContactRelationship', event.currentTarget.value)}
              error={form.errorFor('emergencyContactRelationship', server.fieldErrors)}
              autoComplete="off"
            />
            <TextInput
              label={t('patientForm.emergencyContactPhone')}
              type="tel"
              value={values.emergencyContactPhone}
              onChange={(event) => form.set('emergencyContactPhone', event.currentTarget.value)}
              error={form.errorFor('emergencyContactPhone', server.fieldErrors)}
              autoComplete="off"
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.identifiers')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('patientForm.identifiersDescription')}
            </Text>
            {values.identifiers.map((identifier, index) => (
              <Group key={identifier.key} gap="sm" align="flex-start" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: 1 }}>
                  <Select<IdentifierSystem>
                    label={t('patientForm.identifierSystem', { n: index + 1 })}
                    data={identifierSystems.map((code) => ({ value: code, label: t(`identifierSystem.${code}`) }))}
                    value={identifier.system}
                    onChange={(next) => {
                      if (next !== null) setRow('identifiers', index, { system: next });
                    }}
                    allowDeselect={false}
                  />
                  <TextInput
                    label={t('patientForm.identifierValue', { n: index + 1 })}
                    value={identifier.value}
                    onChange={(event) => setRow('identifiers', index, { value: event.currentTarget.value })}
                    error={sharedIdentifier ? true : rowError(`/identifiers/${index}`)}
                    autoComplete="off"
                  />
                </SimpleGrid>
                <CloseButton
                  size="lg"
                  mt={26}
                  onClick={() => removeRow('identifiers', index)}
                  aria-label={t('patientForm.removeIdentifier', { n: index + 1 })}
                />
              </Group>
            ))}
            {identifierError !== undefined && (
              <Text size="sm" c="red.8" role="alert" id="identifier-error">
                {identifierError}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => form.set('identifiers', [...values.identifiers, { key: rowKey(), system: 'mrn', value: '' }])}
              >
                {t('patientForm.addIdentifier')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('patientForm.section.coverage')}>
          <Stack gap="md">
            {values.coverages.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('patientForm.noCoverage')}
              </Text>
            )}
            {values.coverages.map((coverage, index) => (
              <Group key={coverage.key} gap="sm" align="flex-start" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
                  <Select<CoverageKind>
                    label={t('patientForm.coverageKind', { n: index + 1 })}
                    data={coverageKinds.map((code) => ({ value: code, label: t(`coverageKind.${code}`) }))}
                    value={coverage.kind}
                    onChange={(next) => {
                      if (next !== null) setRow('coverages', index, { kind: next });
                    }}
                    allowDeselect={false}
                    error={rowError(`/coverages/${index}/kind`)}
                  />
                  <TextInput
                    label={t('patientForm.payerName')}
                    value={coverage.payerName}
                    onChange={(event) => setRow('coverages', index, { payerName: event.currentTarget.value })}
                    error={rowError(`/coverages/${index}/payerName`)}
                  />
                  <TextInput
                    label={t('patientForm.memberId')}
                    value={coverage.memberId}
                    onChange={(event) => setRow('coverages', index, { memberId: event.currentTarget.value })}
                    error={rowError(`/coverages/${index}/memberId`)}
                  />
                  <TextInput
                    label={t('patientForm.coverageStart')}
                    type="date"
                    value={coverage.startDate}
                    onChange={(event) => setRow('coverages', index, { startDate: event.currentTarget.value })}
                    error={rowError(`/coverages/${index}/startDate`)}
                  />
                  <TextInput
                    label={t('patientForm.coverageEnd')}
                    type="date"
                    value={coverage.endDate}
                    onChange={(event) => setRow('coverages', index, { endDate: event.currentTarget.value })}
                    error={rowError(`/coverages/${index}/endDate`)}
                  />
                </SimpleGrid>
                <CloseButton
                  size="lg"
                  mt={26}
                  onClick={() => removeRow('coverages', index)}
                  aria-label={t('patientForm.removeCoverage', { n: index + 1 })}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  form.set('coverages', [
                    ...values.coverages,
                    { key: rowKey(), kind: 'medicaid', payerName: '', memberId: '', startDate: '', endDate: '' },
                  ])
                }
              >
                {t('patientForm.addCoverage')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        {duplicates !== null && (
          <Alert
            ref={reviewRef}
            color={sharedIdentifier ? 'red' : 'yellow'}
            variant="light"
            role="alert"
            title={sharedIdentifier ? t('duplicates.sharedTitle') : t('duplicates.title')}
          >
            <Stack gap="sm">
              <Text size="sm">{sharedIdentifier ? t('duplicates.sharedBody') : t('duplicates.body')}</Text>
              {duplicates.candidates.length > 0 && (
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.listLabel')}>
                  {duplicates.candidates.map(({ patient, reasons }) => (
                    <li key={patient.id}>
                      <Group gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
                          {displayName(patient)}
                        </Anchor>
                        <Text span size="sm">
                          {t('duplicates.born', { date: format.date(patient.dateOfBirth) })}
                        </Text>
                        {reasons.map((reason) => (
                          <Badge key={reason} size="sm" variant="outline" color="dark" tt="none">
                            {t(`duplicates.reason.${reason}`)}
                          </Badge>
                        ))}
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
              {duplicates.hiddenMatches > 0 && (
                <Text size="sm">
                  {duplicates.hiddenMatches === 1
                    ? t('duplicates.hiddenOne')
                    : t('duplicates.hiddenMany', { count: format.number(duplicates.hiddenMatches) })}
                </Text>
              )}
              {!sharedIdentifier && (
                <Group gap="sm">
                  <Button color="dark" variant="outline" onClick={() => save.mutate(true)} loading={save.isPending}>
                    {t('duplicates.registerAnyway')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <ProblemAlert message={alert} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending && save.variables === false}>
            {editing === null ? t('patientForm.createSubmit') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
