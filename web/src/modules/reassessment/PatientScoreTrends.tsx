import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { QueryStatus } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

// The charting library is large: it loads with this section only, never with the app's first page.
const ScoreCharts = lazy(() => import('./ScoreCharts.tsx'));

/** The patient's chart: each instrument's score over time (one audited read of the history). */
export function PatientScoreTrends({ patientId }: { patientId: string }) {
  const t = useT();
  const history = useQuery({
    queryKey: ['score-history', patientId],
    queryFn: () => unwrap(api.GET('/api/patients/{id}/score-history', { params: { path: { id: patientId } } })),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="trends-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="trends-heading">
          {t('trends.title')}
        </Title>
        {history.isPending || history.isError ? (
          <QueryStatus isPending={history.isPending} error={history.error} retry={() => void history.refetch()} />
        ) : history.data.instruments.length === 0 ? (
          <Text c="dimmed">{t('trends.empty')}</Text>
        ) : (
          <Suspense fallback={<Loader size="sm" aria-label={t('trends.loading')} />}>
            <ScoreCharts instruments={history.data.instruments} />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
