import { Anchor, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { displayName } from '../patients/patientHelpers.ts';
import { usePatient } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useDisclosuresQuery } from './consentQueries.ts';
import { PrintStyles } from './PrintStyles.tsx';

/** The accounting of disclosures: what was shared, with whom, why and under what, for the past three years; printable. */
export function AccountingPage() {
  const { id = '' } = useParams();
  const t = useT();
  const format = useFormat();
  const today = useToday();
  const patient = usePatient(id);
  // The patient's right: the past three years.
  const since = threeYearsBefore(today);
  const disclosures = useDisclosuresQuery(id, since);
  if (patient.isPending || disclosures.isPending) return <Loader />;
  if (patient.isError || disclosures.isError) return <ProblemAlert message={t('common.loadFailed')} />;
  return (
    <Page
      title={t('accounting.title', { name: displayName(patient.data) })}
      intro={t('accounting.intro', { date: format.dateInSentence(since) })}
      actions={<Button onClick={() => window.print()}>{t('accounting.print')}</Button>}
    >
      <PrintStyles />
      <Group data-print="hide">
        <Anchor component={Link} to={`/patients/${id}/consents`} size="sm">
          {t('consentDoc.back')}
        </Anchor>
      </Group>
      {disclosures.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm">{t('accounting.empty')}</Text>
        </Paper>
      ) : (
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounting.when')}</Table.Th>
              <Table.Th>{t('accounting.recipient')}</Table.Th>
              <Table.Th>{t('accounting.information')}</Table.Th>
              <Table.Th>{t('accounting.purpose')}</Table.Th>
              <Table.Th>{t('accounting.basis')}</Table.Th>
              <Table.Th>{t('accounting.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {disclosures.data.map((disclosure) => (
              <Table.Tr key={disclosure.id}>
                <Table.Td>{format.dateTime(disclosure.disclosedAt)}</Table.Td>
                <Table.Td>
                  {disclosure.recipientName}
                  {disclosure.recipientAffiliation ? `, ${disclosure.recipientAffiliation}` : ''}
                </Table.Td>
                <Table.Td>{disclosure.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; ')}</Table.Td>
                <Table.Td>{t(`consent.purpose.${disclosure.purpose}`)}</Table.Td>
                <Table.Td>{t(`accounting.basis.${disclosure.basis}`)}</Table.Td>
                <Table.Td>{disclosure.disclosedBy.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}

/** The same day three years back (29 February becomes 1 March): always a valid date. */
function threeYearsBefore(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year - 3, month - 1, date)).toISOString().slice(0, 10);
}
