import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { OkBody } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

// The charting library is large: it loads with this section only, never with the app's first page.
const ScoreCharts = lazy(() => import('./ScoreCharts.tsx'));

type ScoreHistory = OkBody<'/api/patients/{id}/score-history', 'get'>;

/** The patient's chart: each instrument's score over time (read with the patient's overview, one audited read). */
export function PatientScoreTrends({ history }: { history: ScoreHistory | undefined }) {
  const t = useT();
  const instruments = history?.instruments ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="trends-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="trends-heading">
          {t('trends.title')}
        </Title>
        {instruments.length === 0 ? (
          <Text c="dimmed">{t('trends.empty')}</Text>
        ) : (
          <Suspense fallback={<Loader size="sm" aria-label={t('trends.loading')} />}>
            <ScoreCharts instruments={instruments} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
