import { Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { patientsKey } from '../patients/patientQueries.ts';
import { tasksKey, timelineKey, todayKey, type Task } from './taskQueries.ts';

type Person = { value: string; label: string };

/** Giving an open task to someone else on the care team, or to the person; loaded the first time it opens (TaskActions). */
export function GiveToDialog({ task, people, opened, onClose }: { task: Task; people: Person[]; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('tasks.giveTo')}>
      {opened && <GiveToForm task={task} people={people} onClose={onClose} />}
    </Dialog>
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
