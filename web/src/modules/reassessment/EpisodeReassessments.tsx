import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { OkBody } from '../../api/types.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

type Reassessments = NonNullable<OkBody<'/api/episodes/{id}', 'get'>['reassessments']>;
type Item = Reassessments['items'][number];

const statusColor: Record<Item['status'], string> = {
  upcoming: 'gray',
  due: 'yellow',
  overdue: 'red',
  done: 'green',
  'at-discharge': 'blue',
  missed: 'red',
};

/** What the program's schedule asks of this episode today (read with the episode). */
export function EpisodeReassessments({
  episodeId,
  programId,
  open,
  reassessments,
}: {
  episodeId: string;
  programId: string;
  open: boolean;
  reassessments: Reassessments | undefined;
}) {
  const t = useT();
  const format = useFormat();
  const describe = useProblemText();
  const navigate = useNavigate();
  // Giving a screen that is due starts it in this episode, as "Give a screen…" would.
  const give = useMutation({
    mutationFn: (instrumentKey: string) =>
      unwrap(
        api.POST('/api/episodes/{id}/assessments', { params: { path: { id: episodeId } }, body: { instrumentKey, mode: 'in-person' } }),
      ),
    onSuccess: (assessment) => void navigate(`/assessments/${assessment.id}`),
  });
  const items = reassessments?.items ?? [];
  const when = (item: Item) =>
    item.when === 'every'
      ? t('reassessment.rule.every', { days: item.everyDays ?? 0, phase: t(`phase.${item.phase ?? 'intake'}`) })
      : t(`reassessment.rule.${item.when}`);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="reassessments-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="reassessments-heading">
            {t('reassessment.title')}
          </Title>
          <Anchor component={Link} to={`/programs/${programId}/reassessment-schedule`} size="sm">
            {t('reassessment.scheduleLink')}
          </Anchor>
        </Group>
        {!reassessments?.scheduled ? (
          <Text c="dimmed">{t('reassessment.noSchedule')}</Text>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('reassessment.nothingNow')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reassessment.instrument')}</Table.Th>
                  <Table.Th>{t('reassessment.when')}</Table.Th>
                  <Table.Th>{t('reassessment.statusLabel')}</Table.Th>
                  <Table.Th>{t('reassessment.dueOn')}</Table.Th>
                  <Table.Th>{t('reassessment.lastDone')}</Table.Th>
                  {open && (
                    <Table.Th>
                      <VisuallyHidden>{t('reassessment.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={`${item.instrumentKey}-${item.when}-${item.phase ?? ''}`}>
                    <Table.Td fw={600}>{item.instrumentKey.toUpperCase()}</Table.Td>
                    <Table.Td>{when(item)}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={statusColor[item.status]}>{t(`reassessment.status.${item.status}`)}</StatusBadge>
                    </Table.Td>
                    <Table.Td>{item.dueOn === null ? '—' : format.date(item.dueOn)}</Table.Td>
                    <Table.Td>{item.lastDoneOn === null ? t('reassessment.never') : format.date(item.lastDoneOn)}</Table.Td>
                    {open && (
                      <Table.Td>
                        {(item.status === 'due' || item.status === 'overdue' || item.status === 'at-discharge') && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => give.mutate(item.instrumentKey)}
                            loading={give.isPending && give.variables === item.instrumentKey}
                            aria-label={t('reassessment.giveNamed', { instrument: item.instrumentKey.toUpperCase() })}
                          >
                            {t('reassessment.give')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ProblemAlert message={give.error ? describe(give.error) : null} />
      </Stack>
    </Paper>
  );
}
