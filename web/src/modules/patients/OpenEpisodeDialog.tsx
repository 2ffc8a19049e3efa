import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { clinicalRoles, openingPhases, referralSources, type ReferralSource } from '../../api/codes.ts';
import type { RequestBody } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useProgramsQuery } from '../programs/programQueries.ts';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';
import { useToday } from './useToday.ts';
import { caseloadKey, patientsKey, useStaffPicker, type Episode, type Patient } from './patientQueries.ts';
import { openEpisodeDraftForm } from './draftForms.ts';

type OpeningPhase = RequestBody<'/api/patients/{id}/episodes', 'post'>['phase'];

interface Values {
  programId: string | null;
  referralSource: ReferralSource | null;
  referralDate: string;
  firstContactDate: string;
  openedOn: string;
  phase: OpeningPhase;
  primaryCaseManagerId: string;
}

interface OpenEpisodeDialogProps {
  patient: Patient | null;
  onClose: () => void;
  onOpened: (episode: Episode) => void;
}

export function OpenEpisodeDialog({ patient, onClose, onOpened }: OpenEpisodeDialogProps) {
  const t = useT();
  return (
    <Dialog opened={patient !== null} onClose={onClose} title={t('openEpisode.title')} size="lg" closeOnClickOutside={false}>
      {patient !== null && <OpenEpisodeForm patient={patient} onClose={onClose} onOpened={onOpened} />}
    </Dialog>
  );
}

function OpenEpisodeForm({ patient, onClose, onOpened }: { patient: Patient; onClose: () => void; onOpened: (episode: Episode) => void }) {
  const t = useT();
  const session = useSession();
  const today = useToday();
  const queryClient = useQueryClient();
  const programs = useProgramsQuery();
  // Only a program's own staff may open an episode in it.
  const myPrograms = (programs.data ?? []).filter((program) => session.user.programIds.includes(program.id));
  // The programs load after the form first renders: one program of one's own is chosen for the user.
  const onlyProgram = myPrograms.length === 1 ? (myPrograms[0]?.id ?? null) : null;
  const isSupervisor = hasAnyRole(session, ['supervisor']);
  const staff = useStaffPicker(isSupervisor);
  // When the staff list cannot be read, the user opens the episode as its primary case manager.
  const pickStaff = isSupervisor && staff.isSuccess;
  const draft = useKeptDraft<Values>(session.user.id, openEpisodeDraftForm(patient.id), (): Kept<Values> | null => ({
    values: form.getValues(),
    base: null,
  }));

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? {
      programId: onlyProgram,
      referralSource: null,
      referralDate: '',
      firstContactDate: '',
      openedOn: today,
      phase: 'intake',
      primaryCaseManagerId: session.user.id,
    },
    validate: (v) => ({
      programId: (v.programId ?? onlyProgram) === null ? t('openEpisode.programRequired') : null,
      referralSource: v.referralSource === null ? t('openEpisode.referralSourceRequired') : null,
      openedOn: v.openedOn === '' ? t('openEpisode.openedOnRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const { values } = form;
  const programId = values.programId ?? onlyProgram;

  // A supervisor may choose anyone of the program's clinical staff; everyone else is the primary case manager themselves.
  const candidates = (staff.data ?? []).filter(
    (user) => programId !== null && user.programIds.includes(programId) && user.roles.some((role) => clinicalRoles.includes(role)),
  );

  const save = useMutation({
    mutationFn: async () => {
      if (programId === null || values.referralSource === null) throw new Error('checked before sending');
      return unwrap(
        api.POST('/api/patients/{id}/episodes', {
          params: { path: { id: patient.id } },
          body: {
            programId,
            referralSource: values.referralSource,
            ...(values.referralDate !== '' ? { referralDate: values.referralDate } : {}),
            ...(values.firstContactDate !== '' ? { firstContactDate: values.firstContactDate } : {}),
            openedOn: values.openedOn,
            phase: values.phase,
            primaryCaseManagerId: pickStaff ? values.primaryCaseManagerId : session.user.id,
          },
        }),
      );
    },
    onSuccess: (episode) => {
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      void queryClient.invalidateQueries({ queryKey: caseloadKey });
      onOpened(episode);
    },
    // A new episode has no version: it is opened afresh after sign-in.
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, form.getValues())) problem.show(error);
    },
  });

  const submit = form.onSubmit(() => {
    problem.clear();
    save.mutate();
  });
  const primaryError = form.errors.primaryCaseManagerId;

  if (programs.isSuccess && myPrograms.length === 0) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" title={t('openEpisode.noProgramTitle')}>
          {t('openEpisode.noProgram')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <Select
          label={t('openEpisode.program')}
          data={myPrograms.map((program) => ({ value: program.id, label: program.name }))}
          {...form.getInputProps('programId')}
          value={programId}
          error={form.errors.programId ?? (programs.isError ? t('openEpisode.programsFailed') : undefined)}
          required
          allowDeselect={false}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select<ReferralSource>
            label={t('openEpisode.referralSource')}
            data={referralSources.map((code) => ({ value: code, label: t(`referralSource.${code}`) }))}
            {...form.getInputProps('referralSource')}
            required
          />
          <TextInput label={t('openEpisode.referralDate')} type="date" max={today} {...form.getInputProps('referralDate')} />
          <TextInput label={t('openEpisode.firstContactDate')} type="date" max={today} {...form.getInputProps('firstContactDate')} />
          <TextInput label={t('openEpisode.openedOn')} type="date" max={today} {...form.getInputProps('openedOn')} required />
        </SimpleGrid>
        <Select<OpeningPhase>
          label={t('openEpisode.phase')}
          description={t('openEpisode.phaseDescription')}
          data={openingPhases.map((code) => ({ value: code, label: t(`phase.${code}`) }))}
          {...form.getInputProps('phase')}
          allowDeselect={false}
        />
        {pickStaff ? (
          <Select
            label={t('openEpisode.primaryCaseManager')}
            description={t('openEpisode.primaryCaseManagerSupervisor')}
            data={candidates.map((user) => ({
              value: user.id,
              label: user.id === session.user.id ? t('openEpisode.me', { name: user.displayName }) : user.displayName,
            }))}
            {...form.getInputProps('primaryCaseManagerId')}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('openEpisode.noStaffMatches')}
          />
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('openEpisode.primaryCaseManager')}
            </Text>
            <Text size="sm">{t('openEpisode.me', { name: session.user.displayName })}</Text>
            <Text size="sm" c="dimmed">
              {t('openEpisode.primaryCaseManagerSelf')}
            </Text>
            {primaryError !== undefined && primaryError !== null && (
              <Text size="sm" c="red.8">
                {primaryError}
              </Text>
            )}
          </Stack>
        )}
        <FormActions submit={t('openEpisode.submit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
