import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import type { Patient } from '../patients/patientQueries.ts';
import { stateColor } from './consentQueries.ts';

/** Consent status at a glance on the chart: one line per recipient, and the way in. */
export function ConsentGlance({ patientId, consents }: { patientId: string; consents: Patient['consents'] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-glance-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="consent-glance-heading">
            {t('consents.glance.title')}
          </Title>
          <Anchor component={Link} to={`/patients/${patientId}/consents`} size="sm">
            {t('consents.glance.open')}
          </Anchor>
        </Group>
        {consents.length === 0 ? (
          <Text size="sm">{t('consents.glance.empty')}</Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {consents.map((line) => (
              <li key={line.consentId}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <StatusBadge color={stateColor(line.state)}>{t(`consent.state.${line.state}`)}</StatusBadge>
                  <Text size="sm">
                    {line.recipientName}
                    {line.kind === 'counseling-notes' ? ` (${t('consent.kind.counseling-notes')})` : ''}
                    {line.endedOn
                      ? ` · ${t('consents.glance.since', { date: format.date(line.endedOn) })}`
                      : line.expiresOn
                        ? ` · ${t('consents.glance.until', { date: format.date(line.expiresOn) })}`
                        : ''}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
