import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { patientsKey } from '../patients/patientQueries.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import type { Patient } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { TaskActions } from './TaskActions.tsx';
import { TaskBadges } from './TaskBadges.tsx';
import { tasksKey, timelineKey, todayKey, useTaskStatus } from './taskQueries.ts';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** The patient's tasks: open ones by due date, each ticked done in place; done and cancelled ones on request. */
export function PatientTasks({ patient }: { patient: Patient }) {
  const t = useT();
  const format = useFormat();
  const today = useToday();
  const [showClosed, setShowClosed] = useState(false);
  const session = useSession();
  // Back after the session ended while typing one: the dialog opens again with what was typed.
  const [adding, setAdding] = useState(() => hasDraft(session.user.id, taskDraftForm(patient.id)));
  const status = useTaskStatus();
  const problemText = useProblemText();
  // Read with the overview (one screen, one audited read).
  const items = patient.tasks;
  const open = items.filter((task) => task.status === 'open');
  const closed = items.filter((task) => task.status !== 'open');
  const readOnly = patient.mergedIntoId !== null;
  const people = assigneeChoices(patient, session.user.id, t);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tasks-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg" id="tasks-heading">
            {t('tasks.section')}
          </Title>
          {!readOnly && (
            <Button variant="default" size="compact-md" onClick={() => setAdding(true)}>
              {t('tasks.add')}
            </Button>
          )}
        </Group>
        {status.error && <ProblemAlert message={problemText(status.error)} />}
        {open.length === 0 && <Text size="sm">{t('tasks.none')}</Text>}
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {open.map((task) => (
            <Group component="li" key={task.id} gap="sm" wrap="nowrap" align="flex-start">
              <Checkbox
                mt={2}
                aria-label={t('tasks.complete', { title: task.title })}
                checked={false}
                disabled={readOnly || status.isPending}
                onChange={() => status.mutate({ id: task.id, version: task.version, to: 'completion' })}
              />
              <Stack gap={2} style={{ flex: 1 }}>
                <Text size="sm" fw={600}>
                  {task.title}
                </Text>
                <Group gap="xs">
                  <TaskBadges dueOn={task.dueOn} priority={task.priority} today={today} />
                  <Text size="xs" c="dark.6">
                    {task.assignedToPatient ? t('tasks.forPatient') : (task.assigneeName ?? '')}
                  </Text>
                </Group>
              </Stack>
              {!readOnly && <TaskActions task={task} people={people} />}
            </Group>
          ))}
        </Stack>
        {closed.length > 0 && (
          <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShowClosed(!showClosed)}>
            {showClosed ? t('tasks.hideClosed') : t('tasks.showClosed')}
          </Button>
        )}
        {showClosed && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {closed.map((task) => (
              <Group component="li" key={task.id} gap="sm" justify="space-between">
                <Text size="sm" td={task.status === 'done' ? 'line-through' : undefined}>
                  {task.title} ·{' '}
                  {task.status === 'done'
                    ? t('tasks.doneBy', { date: format.date((task.statusChangedAt ?? '').slice(0, 10)) })
                    : t('tasks.cancelledOn', { date: format.date((task.statusChangedAt ?? '').slice(0, 10)) })}
                </Text>
                {!readOnly && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => status.mutate({ id: task.id, version: task.version, to: 'reopening' })}
                  >
                    {t('tasks.reopen')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <Dialog opened={adding} onClose={() => setAdding(false)} title={t('tasks.add')}>
        {adding && <AddTaskForm patient={patient} onClose={() => setAdding(false)} />}
      </Dialog>
    </Paper>
  );
}

/** Who a task of this person can go to: me, colleagues on their care teams today, or the person. */
function assigneeChoices(patient: Patient, me: string, t: ReturnType<typeof useT>): { value: string; label: string }[] {
  const colleagues = new Map<string, string>();
  for (const episode of patient.episodes.filter((e) => e.closedOn === null))
    for (const member of episode.careTeam) if (member.userId && member.userId !== me) colleagues.set(member.userId, member.name);
  return [
    { value: me, label: t('tasks.assignee.me') },
    ...[...colleagues].map(([value, label]) => ({ value, label })),
    { value: 'patient', label: t('tasks.assignee.patient') },
  ];
}

/** Which kept draft (components/forms/drafts.ts) is a task being added for this patient. */
const taskDraftForm = (patientId: string) => `task:new:${patientId}`;

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
  const draft = useKeptDraft<Values>(session.user.id, taskDraftForm(patient.id));
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
