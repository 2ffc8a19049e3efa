import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { changedFields } from '../../components/forms/changes.ts';
import { keepDraft, type Draft } from '../../components/forms/drafts.ts';
import { useKeepWhileOpen } from '../../components/forms/useKeptDraft.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { StaleNotice } from '../../components/forms/StaleNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { useStaleRecord } from '../../components/forms/useStaleRecord.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { AboutSection } from './patientForm/AboutSection.tsx';
import { AddressSection } from './patientForm/AddressSection.tsx';
import { CoverageSection } from './patientForm/CoverageSection.tsx';
import { DuplicateReview } from './patientForm/DuplicateReview.tsx';
import { EmergencySection } from './patientForm/EmergencySection.tsx';
import { IdentifiersSection } from './patientForm/IdentifiersSection.tsx';
import { NameSection } from './patientForm/NameSection.tsx';
import { PhonesSection } from './patientForm/PhonesSection.tsx';
import { useCompareLabels } from './patientForm/useCompareLabels.ts';
import { blockedBySharedIdentifier, displayName } from './patientHelpers.ts';
import { bodyOf, emptyValues, formRowPointer, valuesOf, type PatientFormValues } from './patientFormValues.ts';
import { patientDraftForm } from './draftForms.ts';
import { PossibleDuplicateError, patientsKey, registerPatient, type Patient } from './patientQueries.ts';

/** `draft`: what the user typed before their session ended, handed back after sign-in (drafts.ts). */
export type PatientDialog =
  | { mode: 'create'; draft?: Draft<PatientFormValues> | null }
  | { mode: 'edit'; patient: Patient; draft?: Draft<PatientFormValues> | null }
  | null;

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
          draft={dialog.draft ?? null}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Dialog>
  );
}

interface PatientFormProps {
  editing: Patient | null;
  draft: Draft<PatientFormValues> | null;
  onClose: () => void;
  onSaved: (patient: Patient) => void;
}

function PatientForm({ editing, draft, onClose, onSaved }: PatientFormProps) {
  const t = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const reviewRef = useRef<HTMLDivElement>(null);
  const form = useForm<PatientFormValues>({
    mode: 'controlled',
    initialValues: draft?.values ?? (editing === null ? emptyValues() : valuesOf(editing)),
    validate: (v) => ({
      legalFirstName: v.legalFirstName.trim() === '' ? t('patientForm.firstNameRequired') : null,
      legalLastName: v.legalLastName.trim() === '' ? t('patientForm.lastNameRequired') : null,
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? null : t('patientForm.dateOfBirthRequired'),
      howToReach: v.noFixedAddress && v.howToReach.trim() === '' ? t('patientForm.howToReachRequired') : null,
    }),
  });
  // A restored draft saves against the record as it was when the typing began: a change made
  // meanwhile by someone else is then the ordinary conflict, not overwritten.
  const stale = useStaleRecord(
    form,
    draft?.base ?? { values: editing === null ? emptyValues() : valuesOf(editing), version: editing?.version ?? 0 },
  );
  useKeepWhileOpen(
    session.user.id,
    patientDraftForm(editing?.id ?? null),
    () => ({ values: form.getValues(), base: editing === null ? null : stale.base }),
    draft !== null,
  );
  const problem = useFormProblem(form, {
    rename: (pointer) => formRowPointer(pointer, form.getValues()),
    // The form is long: the fields with a message are above the alert.
    checkFields: t('patientForm.checkFieldsAbove'),
  });
  const compare = useCompareLabels(form.values.preferredLanguage);

  const save = useMutation({
    mutationFn: async (confirmedNotDuplicate: boolean): Promise<Patient> => {
      const body = bodyOf(form.getValues());
      if (editing === null) return registerPatient({ ...body, ...(confirmedNotDuplicate ? { confirmedNotDuplicate: true } : {}) });
      // Only what the user changed, so whatever someone else changed meanwhile stays theirs.
      const changes = changedFields(body, bodyOf(stale.base.values));
      if (Object.keys(changes).length === 0) return editing;
      return unwrap(
        api.PATCH('/api/patients/{id}', { params: { path: { id: editing.id } }, body: { ...changes, version: stale.base.version } }),
      );
    },
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      onSaved(patient);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.problemType === 'unauthenticated') {
        // The session ended while typing: keep it in this tab for after sign-in (never in the URL).
        keepDraft({
          userId: session.user.id,
          form: patientDraftForm(editing?.id ?? null),
          values: form.getValues(),
          base: editing === null ? null : stale.base,
        });
        return;
      }
      if (error instanceof ApiError && error.code === 'registration-review') {
        // Not an error for the person registering: a supervisor takes it from here.
        notifications.show({
          id: 'registration-review',
          color: 'blue',
          autoClose: false,
          title: t('patients.reviewSent.title'),
          message: (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('problem.registration-review')}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  notifications.hide('registration-review');
                  void navigate('/registration-reviews');
                }}
              >
                {t('patients.reviewSent.open')}
              </Button>
            </Stack>
          ),
        });
        void queryClient.invalidateQueries({ queryKey: ['registration-reviews'] });
        onClose();
        return;
      }
      if (error instanceof PossibleDuplicateError) {
        // Bring the review into view: the form is long and the user is at its foot.
        requestAnimationFrame(() => reviewRef.current?.scrollIntoView({ block: 'nearest' }));
        return;
      }
      try {
        if (editing !== null && (await stale.recover(error, () => loadPatient(editing.id)))) {
          void queryClient.invalidateQueries({ queryKey: patientsKey });
          return;
        }
        problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });

  const duplicates = save.error instanceof PossibleDuplicateError ? save.error.duplicates : null;
  const sharedIdentifier = duplicates !== null && blockedBySharedIdentifier(duplicates, save.variables === true);
  const sharedError = sharedIdentifier ? t('patientForm.identifierShared') : null;

  const submit = form.onSubmit(() => {
    problem.clear();
    stale.dismiss();
    save.mutate(false);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {draft !== null && <RestoredDraftNotice />}
        {editing === null && <Text size="sm">{t('patientForm.intro')}</Text>}
        <NameSection form={form} />
        <AboutSection form={form} />
        <PhonesSection form={form} />
        <AddressSection form={form} />
        <EmergencySection form={form} />
        <IdentifiersSection form={form} sharedError={sharedError} />
        <CoverageSection form={form} />
        {duplicates !== null && (
          <DuplicateReview
            ref={reviewRef}
            duplicates={duplicates}
            sharedIdentifier={sharedIdentifier}
            busy={save.isPending}
            onRegisterAnyway={() => save.mutate(true)}
          />
        )}
        <StaleNotice stale={stale} labels={compare.labels} display={compare.display} />
        <ProblemAlert message={duplicates === null ? problem.alert : null} />
        <FormActions
          submit={editing === null ? t('patientForm.createSubmit') : t('common.saveChanges')}
          busy={save.isPending}
          submitting={save.isPending && save.variables === false}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

async function loadPatient(id: string) {
  const latest = await unwrap(api.GET('/api/patients/{id}', { params: { path: { id } } }));
  return { values: valuesOf(latest), version: latest.version };
}
