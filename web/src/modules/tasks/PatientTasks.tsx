import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { hasDraft } from '../../components/forms/drafts.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import type { Patient } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { assigneeChoices } from './assigneeChoices.ts';
import { LazyAddTaskDialog } from './LazyAddTaskDialog.ts';
import { taskDraftForm } from './taskDraft.ts';
import { TaskActions } from './TaskActions.tsx';
import { TaskBadges } from './TaskBadges.tsx';
import { useTaskStatus } from './taskQueries.ts';

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
      <LazyAddTaskDialog patient={patient} opened={adding} onClose={() => setAdding(false)} />
    </Paper>
  );
}
