import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { patientsKey, type Patient } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { assigneeChoices } from './assigneeChoices.ts';
import { taskDraftForm } from './taskDraft.ts';
import { tasksKey, timelineKey, todayKey } from './taskQueries.ts';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Adding a task for the patient, from the overview; loaded the first time it opens (LazyAddTaskDialog). */
export function AddTaskDialog({ patient, opened, onClose }: { patient: Patient; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('tasks.add')}>
      {opened && <AddTaskForm patient={patient} onClose={onClose} />}
    </Dialog>
  );
}

interface Values {
  title: string;
  dueOn: string;
  priority: (typeof PRIORITIES)[number];
  assignee: string;
  episodeId: string | null;
}

function AddTaskForm({ patient, onClose }: { patient: Patient; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const session = useSession();
  const queryClient = useQueryClient();
  const openEpisodes = patient.episodes.filter((episode) => episode.closedOn === null);
  const draft = useKeptDraft<Values>(session.user.id, taskDraftForm(patient.id), (): Kept<Values> | null => ({
    values: form.getValues(),
    base: null,
  }));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? {
      title: '',
      dueOn: today,
      priority: 'normal',
      assignee: session.user.id,
      episodeId: openEpisodes[0]?.id ?? null,
    },
    validate: (v) => ({
      title: v.title.trim() === '' ? t('tasks.titleRequired') : null,
      dueOn: v.dueOn === '' ? t('tasks.dueRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/patients/{id}/tasks', {
          params: { path: { id: patient.id } },
          body: {
            title: values.title.trim(),
            dueOn: values.dueOn,
            priority: values.priority,
            ...(values.episodeId ? { episodeId: values.episodeId } : {}),
            ...(values.assignee === 'patient'
              ? { assignedToPatient: true }
              : values.assignee === session.user.id
                ? {}
                : { assigneeUserId: values.assignee }),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      void queryClient.invalidateQueries({ queryKey: todayKey });
      void queryClient.invalidateQueries({ queryKey: timelineKey });
      onClose();
    },
    // A new task has no version: it is added afresh after sign-in.
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, form.getValues())) problem.show(error);
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        problem.clear();
        save.mutate(values);
      })}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <TextInput label={t('tasks.title')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <TextInput label={t('tasks.dueOn')} type="date" required {...form.getInputProps('dueOn')} />
          <Select
            label={t('tasks.priority')}
            data={PRIORITIES.map((value) => ({ value, label: t(`taskPriority.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
        </Group>
        <Select
          label={t('tasks.assignee')}
          allowDeselect={false}
          data={assigneeChoices(patient, session.user.id, t)}
          {...form.getInputProps('assignee')}
        />
        {openEpisodes.length > 0 && (
          <Select
            label={t('tasks.episode')}
            data={[
              ...openEpisodes.map((episode) => ({ value: episode.id, label: episode.programName })),
              { value: '', label: t('tasks.episode.none') },
            ]}
            allowDeselect={false}
            value={form.values.episodeId ?? ''}
            onChange={(value) => form.setFieldValue('episodeId', value === '' || value === null ? null : value)}
          />
        )}
        <FormActions submit={t('tasks.save')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
