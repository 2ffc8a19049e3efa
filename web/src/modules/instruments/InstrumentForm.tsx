import { Alert, Badge, Button, Checkbox, Group, List, Paper, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { localText, type Answer, type Definition, type Item, type ScoreResult } from './instrumentQueries.ts';

// The pieces of an instrument on screen, shared by the scoring preview and by administering
// one to a patient: one question's input, and the result.

/** Published wording not yet translated is marked English, so a screen reader reads it as English. */
const langOf = (text: { es?: string }, locale: string) => (locale === 'es' && text.es === undefined ? 'en' : locale);

export function ItemInput({
  item,
  sex,
  value,
  onChange,
}: {
  item: Item;
  sex: 'female' | 'male' | null;
  value: Answer | undefined;
  onChange: (value: Answer | undefined) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const source = sex && item.textBySex ? item.textBySex[sex] : item.text;
  // Published wording not yet translated is shown in English, marked so for screen readers.
  const label = (
    <span lang={locale === 'es' && source.es === undefined ? 'en' : locale}>
      {item.id}. {localText(source, locale)}
    </span>
  );

  if (item.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    const exclusive = item.options.filter((option) => option.exclusive).map((option) => String(option.value));
    return (
      <Checkbox.Group
        label={label}
        value={chosen}
        onChange={(next) => {
          // "None of these" stands alone: choosing it clears the others, and the reverse.
          const added = next.find((v) => !chosen.includes(v));
          const kept = added && exclusive.includes(added) ? [added] : next.filter((v) => !exclusive.includes(v) || v === added);
          onChange(kept.length > 0 ? kept.map(Number) : undefined);
        }}
      >
        <Stack gap={6} mt={6}>
          {item.options.map((option) => (
            <Checkbox
              key={String(option.value)}
              value={String(option.value)}
              label={<span lang={langOf(option.label, locale)}>{localText(option.label, locale)}</span>}
            />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }

  const options = item.options.map((option) => ({ value: String(option.value), label: localText(option.label, locale) }));
  if (item.kind === 'yes-no') options.push({ value: 'refused', label: t('instrument.refused') });
  const current = value === undefined || Array.isArray(value) ? '' : String(value);
  if (options.length <= 6 && options.every((option) => option.label.length <= 3)) {
    // Clinician-rated scales: the score itself is the choice.
    return (
      <Stack gap={6}>
        <Text size="sm" fw={500} id={`item-${item.id}`}>
          {label}
        </Text>
        <SegmentedControl
          aria-labelledby={`item-${item.id}`}
          value={current}
          onChange={(next) => onChange(Number(next))}
          data={options}
          w="fit-content"
        />
      </Stack>
    );
  }
  // "Refused" is not an option of the definition: it is our own words, translated.
  const optionLang = (value: string) => {
    const published = item.options.find((option) => String(option.value) === value)?.label;
    return published ? langOf(published, locale) : locale;
  };
  return (
    <Radio.Group label={label} value={current} onChange={(next) => onChange(item.kind === 'yes-no' ? (next as Answer) : Number(next))}>
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={<span lang={optionLang(option.value)}>{option.label}</span>} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A question and the answer given, as text: a finished screen is read, not filled in. */
export function GivenAnswer({ item, sex, value }: { item: Item; sex: 'female' | 'male' | null; value: Answer | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const source = sex && item.textBySex ? item.textBySex[sex] : item.text;
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const labels = chosen.map((v) =>
    v === 'refused'
      ? t('instrument.refused')
      : localText(item.options.find((option) => option.value === v)?.label ?? { en: String(v) }, locale),
  );
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} lang={locale === 'es' && source.es === undefined ? 'en' : locale}>
        {item.id}. {localText(source, locale)}
      </Text>
      <Text size="md">{labels.length > 0 ? labels.join(', ') : t('instrument.unanswered')}</Text>
    </Stack>
  );
}

export function ResultPanel({
  definition,
  result,
  onOffer,
}: {
  definition: Definition;
  result: ScoreResult;
  /** Give the offered instrument now (in an episode); without it, the offer opens the preview. */
  onOffer?: (key: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const band = definition.scoring.bands?.find((b) => b.key === result.band);
  const outcome = definition.scoring.result;
  const resultLabel = outcome ? [...outcome.rules, outcome.otherwise].find((rule) => rule.key === result.result)?.label : undefined;
  const criticalMessages = (definition.scoring.critical ?? []).filter((rule) => rule.items.some((id) => result.criticalItems.includes(id)));

  return (
    <Paper withBorder p="md" bg="var(--mantine-color-gray-0)" role="status" aria-live="polite">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('instrument.result')}
        </Title>
        {result.critical &&
          criticalMessages.map((rule) => (
            <Alert key={rule.items.join()} color="red" variant="light" title={t('instrument.critical')} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {localText(rule.message, locale)} ({t('instrument.criticalItems', { items: result.criticalItems.join(', ') })})
                </Text>
                {rule.offers &&
                  (onOffer ? (
                    <Button color="red" size="sm" onClick={() => onOffer(rule.offers!)}>
                      {t('instrument.offer', { name: rule.offers.toUpperCase() })}
                    </Button>
                  ) : (
                    <Button component={Link} to={`/instruments/${rule.offers}`} color="red" size="sm">
                      {t('instrument.offer', { name: rule.offers.toUpperCase() })}
                    </Button>
                  ))}
              </Stack>
            </Alert>
          ))}
        <Group gap="sm">
          {result.total !== null && (
            <Text fw={700} size="lg">
              {t('instrument.total', { total: result.total })}
            </Text>
          )}
          {band && (
            <Badge size="lg" variant="light" tt="none">
              {localText(band.label, locale)}
            </Badge>
          )}
          {result.positive !== null && (
            <StatusBadge color={result.positive ? 'orange' : 'green'}>
              {result.positive ? t('instrument.positive') : t('instrument.negative')}
            </StatusBadge>
          )}
        </Group>
        {resultLabel && <Text>{localText(resultLabel, locale)}</Text>}
        {result.domains && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('instrument.domains')}
            </Text>
            <List size="sm">
              {(definition.scoring.domains ?? []).map((domain) => {
                const found = result.domains?.[domain.key];
                return (
                  <List.Item key={domain.key}>
                    {localText(domain.label, locale)}:{' '}
                    {found?.positive ? <b>{t('instrument.domainPositive')}</b> : t('instrument.domainNegative')}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
