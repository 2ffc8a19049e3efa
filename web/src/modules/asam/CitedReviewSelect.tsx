import { Select } from '@mantine/core';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { levelLabel } from '../patients/patientHelpers.ts';
import type { AsamReview } from './asamQueries.ts';

/**
 * The ASAM review a new level of care follows from: a completed review of this episode.
 * Choosing one fills in its edition and chosen level (the form may still change them).
 */
export function CitedReviewSelect({
  reviews,
  value,
  error,
  onChange,
}: {
  reviews: readonly AsamReview[];
  value: string | null;
  error?: React.ReactNode;
  onChange: (review: AsamReview | null) => void;
}) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const completed = reviews.filter((review) => review.status === 'completed' && review.chosenLevel !== null);
  if (completed.length === 0) return null;
  return (
    <Select
      label={t('asam.cite')}
      description={t('asam.citeDescription')}
      data={completed.map((review) => ({
        value: review.id,
        label: t('asam.citeOption', {
          date: format.dateTime(review.completedAt ?? review.startedAt),
          level: levelLabel(tMaybe, review.edition, review.chosenLevel ?? ''),
        }),
      }))}
      value={value}
      error={error}
      onChange={(id) => onChange(completed.find((review) => review.id === id) ?? null)}
      clearable
    />
  );
}
