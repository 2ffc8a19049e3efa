import { Loader, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';

/** The privacy officer's list of § 2.51 disclosures not yet reviewed, oldest first. */
export function EmergencyQueuePage() {
  const t = useT();
  const format = useFormat();
  const queue = useQuery({
    queryKey: ['emergency-disclosures'],
    queryFn: async () => (await unwrap(api.GET('/api/emergency-disclosures'))).items,
  });
  return (
    <Page title={t('emergencyQueue.title')} intro={t('emergencyQueue.intro')}>
      {queue.isPending ? (
        <Loader />
      ) : queue.isError ? (
        <ProblemAlert message={t('common.loadFailed')} />
      ) : queue.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm">{t('emergencyQueue.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounting.when')}</Table.Th>
                <Table.Th>{t('emergencyQueue.patient')}</Table.Th>
                <Table.Th>{t('accounting.recipient')}</Table.Th>
                <Table.Th>{t('accounting.information')}</Table.Th>
                <Table.Th>{t('emergencyQueue.nature')}</Table.Th>
                <Table.Th>{t('accounting.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{format.dateTime(item.disclosedAt)}</Table.Td>
                  <Table.Td>{item.patientName}</Table.Td>
                  <Table.Td>
                    {item.recipientName}, {item.recipientAffiliation}
                  </Table.Td>
                  <Table.Td>{item.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; ')}</Table.Td>
                  <Table.Td maw={320}>{item.emergencyNature}</Table.Td>
                  <Table.Td>{item.disclosedBy.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
