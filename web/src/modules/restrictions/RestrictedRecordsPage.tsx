import { Loader, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

/** The privacy officer's list of restrictions in force: whose, by whom, when, why; no way into the chart. */
export function RestrictedRecordsPage() {
  const t = useT();
  const format = useFormat();
  const list = useQuery({
    queryKey: ['restricted-records'],
    queryFn: async () => (await unwrap(api.GET('/api/restricted-records'))).items,
  });
  return (
    <Page title={t('restricted.title')} intro={t('restricted.intro')}>
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <ProblemAlert message={t('common.loadFailed')} />
      ) : list.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm">{t('restricted.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('restricted.title')}>
          <Table striped verticalSpacing="xs" aria-label={t('restricted.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('restricted.patient')}</Table.Th>
                <Table.Th>{t('restricted.scope')}</Table.Th>
                <Table.Th>{t('restriction.reason')}</Table.Th>
                <Table.Th>{t('restricted.by')}</Table.Th>
                <Table.Th>{t('restricted.when')}</Table.Th>
                <Table.Th>{t('restricted.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.patientName}</Table.Td>
                  <Table.Td>
                    {item.episodeId === null ? t('restricted.wholeRecord') : t('restricted.episode', { program: item.programName ?? '' })}
                  </Table.Td>
                  <Table.Td>{t(`restrictionReason.${item.reason}`)}</Table.Td>
                  <Table.Td>{item.restrictedBy.name}</Table.Td>
                  <Table.Td>{format.date(item.restrictedAt.slice(0, 10))}</Table.Td>
                  <Table.Td>{`${item.allowedCount} / ${item.excludedCount}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
