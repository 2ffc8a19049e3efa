import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';
import { OwnTaskDialog, ownTaskDraftForm } from '../tasks/OwnTaskDialog.tsx';
import { todayKey, useTaskStatus } from '../tasks/taskQueries.ts';
import type { TodayTaskItem } from '../tasks/TodayTask.tsx';
import { todaySections, type TodayView } from './sections.tsx';

/** What is due today and overdue, for me or (a supervisor) one of my staff; each item one click from done. */
export function TodayPage() {
  const t = useT();
  const format = useFormat();
  const problemText = useProblemText();
  const [params, setParams] = useSearchParams();
  const staffId = params.get('staff') ?? undefined;
  const today = useQuery({
    queryKey: [...todayKey, staffId ?? 'mine'],
    queryFn: () => unwrap(api.GET('/api/today', { params: { query: staffId ? { staffId } : {} } })),
  });
  const status = useTaskStatus();
  const [done, setDone] = useState<string | null>(null);
  const session = useSession();
  // Back after the session ended while adding one: the dialog opens again with what was typed.
  const [adding, setAdding] = useState(() => hasDraft(session.user.id, ownTaskDraftForm));
  const view: TodayView | undefined = today.data;
  const whoseName = view && staffId ? view.staff.find((member) => member.id === staffId)?.name : undefined;

  const completeTask = (item: TodayTaskItem, undo: () => void) => {
    setDone(null);
    status.mutate({ id: item.id, version: item.version, to: 'completion' }, { onSuccess: () => setDone(item.title), onError: undo });
  };
  const sections = view
    ? todaySections.map((section) => ({ section, items: section.items(view) })).filter(({ items }) => items.length > 0)
    : [];

  return (
    <Page
      title={t('today.title')}
      intro={whoseName ? t('today.introOther', { name: whoseName }) : t('today.intro')}
      actions={
        <>
          {view && view.staff.length > 0 && (
            <Select
              aria-label={t('today.whose')}
              w={220}
              allowDeselect={false}
              data={[{ value: '', label: t('today.mine') }, ...view.staff.map((member) => ({ value: member.id, label: member.name }))]}
              value={staffId ?? ''}
              onChange={(value) => setParams(value ? { staff: value } : {})}
            />
          )}
          {!staffId && (
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('tasks.addOwn')}
            </Button>
          )}
        </>
      }
    >
      {view && (
        <Text size="sm" c="dark.6">
          {format.dateInSentence(view.date)}
        </Text>
      )}
      <QueryStatus error={today.error} isPending={today.isPending} retry={() => void today.refetch()} />
      {status.error && <ProblemAlert message={problemText(status.error)} />}
      {done !== null && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setDone(null)}
        >
          {t('today.done', { title: done })}
        </Alert>
      )}
      {view && sections.length === 0 && (
        <Paper withBorder p="md">
          <Text>{t('today.nothing')}</Text>
        </Paper>
      )}
      {sections.map(({ section, items }) => (
        <Paper withBorder p="md" component="section" aria-labelledby={`today-${section.key}`} key={section.key}>
          <Stack gap="sm">
            <Title order={2} fz="lg" id={`today-${section.key}`}>
              {t(section.title)} ({format.number(items.length)})
            </Title>
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <li key={item.id}>{section.render(item as never, { today: view?.date ?? '', completeTask, busy: status.isPending })}</li>
              ))}
            </Stack>
          </Stack>
        </Paper>
      ))}
      {staffId && (
        <Group>
          <Button variant="default" onClick={() => setParams({})}>
            {t('today.backToMine')}
          </Button>
        </Group>
      )}
      {view && !staffId && view.overview.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="today-team">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="today-team">
              {t('today.team')}
            </Title>
            <Text size="sm">{t('today.team.intro')}</Text>
            <Table>
              <Table.Tbody>
                {view.overview.map((member) => (
                  <Table.Tr key={member.staffId}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => setParams({ staff: member.staffId })}>
                        {member.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t('today.team.tasks', { count: member.counts.tasks ?? 0 })}</Table.Td>
                    <Table.Td>{t('today.team.contacts', { count: member.counts.contacts ?? 0 })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
      )}
      <OwnTaskDialog opened={adding} onClose={() => setAdding(false)} />
    </Page>
  );
}
