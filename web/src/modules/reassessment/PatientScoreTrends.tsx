import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useInViewport } from '@mantine/hooks';
import { lazy, useEffect, useState } from 'react';
import { LazyPart } from '../../components/LoadBoundary.tsx';
import type { OkBody } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

// The charting library is large (about 105 KB compressed) and drawing the charts is long work
// on a phone: it loads when the section is scrolled to, never with the app's first page.
const ScoreCharts = lazy(() => import('./ScoreCharts.tsx'));

// About one chart's height (heading, 240 px plot, caption), kept free until the charts are drawn
// so that they do not push what follows down the screen.
const CHART_HEIGHT = 320;

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
          <ChartsWhenSeen instruments={instruments} loading={t('trends.loading')} />
        )}
      </Stack>
    </Paper>
  );
}

function ChartsWhenSeen({ instruments, loading }: { instruments: ScoreHistory['instruments']; loading: string }) {
  const { ref, inViewport } = useInViewport();
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (inViewport) setSeen(true);
  }, [inViewport]);
  return (
    <div ref={ref} style={{ minHeight: instruments.length * CHART_HEIGHT }}>
      {seen && (
        <LazyPart fallback={<Loader size="sm" aria-label={loading} />}>
          <ScoreCharts instruments={instruments} />
        </LazyPart>
      )}
    </div>
  );
}
