import { LineChart } from '@mantine/charts';
import { Stack, Text, Title, type MantineColor } from '@mantine/core';
import type { OkBody } from '../../api/types.ts';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { localText } from '../instruments/instrumentQueries.ts';

type Instrument = OkBody<'/api/patients/{id}/score-history', 'get'>['instruments'][number];

// From least to most severe: a band's tint follows its place among the instrument's bands.
const SEVERITY: readonly MantineColor[] = ['green', 'lime', 'yellow', 'orange', 'red'];
const tintOf = (index: number, count: number): MantineColor =>
  SEVERITY[count <= 1 ? 0 : Math.round((index * (SEVERITY.length - 1)) / (count - 1))] ?? 'gray';

/** Each instrument's totals as a line over its severity bands (Mantine charts, on recharts). Loaded lazily. */
export default function ScoreCharts({ instruments }: { instruments: readonly Instrument[] }) {
  return (
    <Stack gap="xl">
      {instruments.map((instrument) => (
        <InstrumentChart key={instrument.key} instrument={instrument} />
      ))}
    </Stack>
  );
}

function InstrumentChart({ instrument }: { instrument: Instrument }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const bandLabel = (key: string | null) => {
    const band = instrument.bands.find((b) => b.key === key);
    return band ? localText(band.label, locale) : (key ?? '—');
  };
  const data = instrument.points.map((point) => ({ date: format.dateTime(point.completedAt), total: point.total }));
  // Bands are whole numbers inclusive at both ends: shade each to the half-way line between them.
  const referenceAreas = instrument.bands.map((band, index) => ({
    y1: band.min === instrument.min ? band.min : band.min - 0.5,
    y2: band.max === instrument.max ? band.max : band.max + 0.5,
    color: tintOf(index, instrument.bands.length),
    fillOpacity: 0.15,
    ifOverflow: 'hidden' as const,
    label: { value: localText(band.label, locale), position: 'insideTopRight' as const, fontSize: 11, fill: 'var(--mantine-color-dark-7)' },
  }));
  const label = t('trends.chartLabel', { instrument: instrument.abbreviation });
  return (
    <Stack gap="xs" component="figure" m={0} aria-label={label} data-instrument={instrument.key}>
      <Title order={3} size="h4">
        {instrument.abbreviation} · {localText(instrument.name, locale)}
      </Title>
      <LineChart
        h={240}
        data={data}
        dataKey="date"
        series={[{ name: 'total', label: t('trends.total'), color: 'blue.8' }]}
        yAxisProps={{ domain: [instrument.min, instrument.max], allowDecimals: false }}
        referenceAreas={referenceAreas}
        curveType="linear"
        withPointLabels
        // The figcaption below carries the same points as text; the drawing itself is not focusable.
        accessibilityLayer={false}
        aria-hidden
      />
      {/* The same points as text: a screen reader reads these, and anyone can check a value. */}
      <Text component="figcaption" size="sm">
        {instrument.points
          .map((point) => t('trends.point', { date: format.dateTime(point.completedAt), total: point.total, band: bandLabel(point.band) }))
          .join(' · ')}
      </Text>
    </Stack>
  );
}
