import { ActionIcon, Menu, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { IconDots } from '../../components/icons.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { patientsKey } from '../patients/patientQueries.ts';
import { tasksKey, timelineKey, todayKey, useTaskStatus } from './taskQueries.ts';

type Task = OkBody<'/api/tasks/{id}', 'get'>;

/** An open task's other actions: give it to someone else on the care team (or the person), or cancel it. */
export function TaskActions({ task, people }: { task: Task; people: { value: string; label: string }[] }) {
  const t = useT();
  const status = useTaskStatus();
  const [giving, setGiving] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="dark" aria-label={t('tasks.actionsFor', { title: task.title })}>
            <IconDots />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setGiving(true)}>{t('tasks.giveTo')}</Menu.Item>
          <Menu.Item color="red" onClick={() => status.mutate({ id: task.id, version: task.version, to: 'cancellation' })}>
            {t('tasks.cancel')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Dialog opened={giving} onClose={() => setGiving(false)} title={t('tasks.giveTo')}>
        {giving && <GiveToForm task={task} people={people} onClose={() => setGiving(false)} />}
      </Dialog>
    </>
  );
}

function GiveToForm({ task, people, onClose }: { task: Task; people: { value: string; label: string }[]; onClose: () => void }) {
  const t = useT();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const choices = people.filter((person) => person.value !== (task.assignedToPatient ? 'patient' : task.assigneeUserId));
  const [to, setTo] = useState<string | null>(choices[0]?.value ?? null);
  const give = useMutation({
    mutationFn: (value: string) =>
      unwrap(
        api.POST('/api/tasks/{id}/reassignment', {
          params: { path: { id: task.id } },
          body: { version: task.version, ...(value === 'patient' ? { assignedToPatient: true } : { assigneeUserId: value }) },
        }),
      ),
    onSuccess: () => {
      for (const key of [tasksKey, patientsKey, todayKey, timelineKey]) void queryClient.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (to !== null) give.mutate(to);
      }}
    >
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {task.title}
        </Text>
        {give.error && <ProblemAlert message={problemText(give.error)} />}
        <Select label={t('tasks.assignee')} data={choices} value={to} onChange={setTo} allowDeselect={false} data-autofocus />
        <FormActions submit={t('tasks.giveTo.save')} busy={give.isPending} disabled={to === null} onCancel={onClose} />
      </Stack>
    </form>
  );
}
