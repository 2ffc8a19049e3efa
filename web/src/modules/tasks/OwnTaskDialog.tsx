import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
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
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { tasksKey, todayKey } from './taskQueries.ts';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which kept draft (components/forms/drafts.ts) is a task of one's own being added. */
export const ownTaskDraftForm = 'task:new:own';

interface Values {
  title: string;
  dueOn: string;
  priority: (typeof PRIORITIES)[number];
}

/** A task of my own, about no one person (a training, a report); tasks about a person are added on their record. */
export function OwnTaskDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('tasks.addOwn')}>
      {opened && <OwnTaskForm onClose={onClose} />}
    </Dialog>
  );
}

function OwnTaskForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const queryClient = useQueryClient();
  const session = useSession();
  const draft = useKeptDraft<Values>(session.user.id, ownTaskDraftForm, (): Kept<Values> | null => ({
    values: form.getValues(),
    base: null,
  }));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { title: '', dueOn: today, priority: 'normal' },
    validate: (v) => ({
      title: v.title.trim() === '' ? t('tasks.titleRequired') : null,
      dueOn: v.dueOn === '' ? t('tasks.dueRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/api/tasks', { body: { title: values.title.trim(), dueOn: values.dueOn, priority: values.priority } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      void queryClient.invalidateQueries({ queryKey: todayKey });
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
        <Text size="sm">{t('tasks.addOwn.intro')}</Text>
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
        <FormActions submit={t('tasks.save')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
