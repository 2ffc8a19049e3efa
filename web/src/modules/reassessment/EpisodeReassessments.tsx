import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
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
export function EpisodeReassessments({ programId, reassessments }: { programId: string; reassessments: Reassessments | undefined }) {
  const t = useT();
  const format = useFormat();
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
