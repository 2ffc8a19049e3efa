import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { patientsKey } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { tasksKey, timelineKey, todayKey } from './taskQueries.ts';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which kept draft (components/forms/drafts.ts) is a follow-up task being made from this record. */
const followUpDraftForm = (source: { recordType: string; recordId: string }) => `task:follow-up:${source.recordType}:${source.recordId}`;

interface Values {
  title: string;
  dueOn: string;
  priority: (typeof PRIORITIES)[number];
}

/**
 * "Call back Thursday": a task for me, made from a record of the patient (a contact), which
 * the task names as its source. Other assignees are chosen on the patient's page.
 */
export function FollowUpTask({
  patientId,
  episodeId,
  source,
}: {
  patientId: string;
  episodeId: string | null;
  source: { recordType: string; recordId: string };
}) {
  const t = useT();
  const session = useSession();
  // Back after the session ended while typing one: the dialog opens again with what was typed.
  const [opened, setOpened] = useState(() => hasDraft(session.user.id, followUpDraftForm(source)));
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Group gap="sm">
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('tasks.followUp')}
      </Button>
      {added !== null && (
        <span role="status" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          {t('tasks.followUp.added', { title: added })}
        </span>
      )}
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('tasks.followUp')}>
        {opened && (
          <FollowUpForm
            patientId={patientId}
            episodeId={episodeId}
            source={source}
            onClose={(title) => {
              setOpened(false);
              if (title !== null) setAdded(title);
            }}
          />
        )}
      </Dialog>
    </Group>
  );
}

function FollowUpForm({
  patientId,
  episodeId,
  source,
  onClose,
}: {
  patientId: string;
  episodeId: string | null;
  source: { recordType: string; recordId: string };
  onClose: (added: string | null) => void;
}) {
  const t = useT();
  const today = useToday();
  const queryClient = useQueryClient();
  const session = useSession();
  const draft = useKeptDraft<Values>(session.user.id, followUpDraftForm(source), (): Kept<Values> | null => ({
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
      unwrap(
        api.POST('/api/patients/{id}/tasks', {
          params: { path: { id: patientId } },
          body: {
            title: values.title.trim(),
            dueOn: values.dueOn,
            priority: values.priority,
            ...(episodeId ? { episodeId } : {}),
            source,
          },
        }),
      ),
    onSuccess: (task) => {
      for (const queryKey of [tasksKey, patientsKey, todayKey, timelineKey]) void queryClient.invalidateQueries({ queryKey });
      onClose(task.title);
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
        <FormActions submit={t('tasks.save')} busy={save.isPending} onCancel={() => onClose(null)} />
      </Stack>
    </form>
  );
}
