import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { isAsked } from '../../../../src/modules/instruments/rules.ts';
import { localText, useInstrumentQuery, type Answer, type Definition, type Item, type ScoreResult } from './instrumentQueries.ts';

/** One instrument: its questions, and a scoring preview that saves nothing. */
export function InstrumentPage() {
  const t = useT();
  const { key = '' } = useParams();
  const instrument = useInstrumentQuery(key);
  if (instrument.isPending || instrument.isError) {
    return (
      <Page title={t('instruments.title')}>
        <QueryStatus isPending={instrument.isPending} error={instrument.error} retry={() => void instrument.refetch()} />
      </Page>
    );
  }
  return <Preview definition={instrument.data.definition} builtIn={instrument.data.builtIn} />;
}

function Preview({ definition, builtIn }: { definition: Definition; builtIn: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [sex, setSex] = useState<'female' | 'male' | null>(null);
  const asked = definition.items.filter((item) => isAsked(definition, item, answers));
  const needsSex = definition.context?.includes('sex') ?? false;

  const scoring = useMutation({
    mutationFn: () => {
      // Only what is asked goes out: an answer left behind by a skip rule would be refused.
      const sent = Object.fromEntries(asked.filter((item) => answers[item.id] !== undefined).map((item) => [item.id, answers[item.id]!]));
      return unwrap(
        api.POST('/api/instruments/{key}/score', {
          params: { path: { key: definition.key } },
          body: { answers: sent, ...(sex ? { context: { sex } } : {}) },
        }),
      );
    },
  });
  const { alert } = useServerErrors(scoring.error, []);

  const answer = (id: string, value: Answer | undefined) => {
    scoring.reset();
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  };
  const answeredCount = asked.filter((item) => answers[item.id] !== undefined).length;
  const missingSpanish = locale === 'es' && definition.items.some((item) => item.text.es === undefined);

  return (
    <Page title={`${definition.abbreviation} — ${localText(definition.name, locale)}`} intro={t('instrument.preview')}>
      <Anchor component={Link} to="/instruments" size="sm">
        ← {t('instrument.back')}
      </Anchor>
      {missingSpanish && (
        <Alert color="gray" variant="light">
          {t('instrument.englishOnly')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="lg">
          {definition.instructions && (
            <Text fw={600} lang={definition.instructions.es && locale === 'es' ? 'es' : 'en'}>
              {localText(definition.instructions, locale)}
            </Text>
          )}
          {needsSex && (
            <Radio.Group label={t('instrument.sex')} value={sex ?? ''} onChange={(value) => setSex(value as 'female' | 'male')}>
              <Group mt={6}>
                <Radio value="female" label={t('instrument.sex.female')} />
                <Radio value="male" label={t('instrument.sex.male')} />
              </Group>
            </Radio.Group>
          )}
          <Stack gap="lg" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {definition.items.map((item) => (
              <li key={item.id}>
                {asked.includes(item) ? (
                  <ItemInput item={item} sex={sex} value={answers[item.id]} onChange={(value) => answer(item.id, value)} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {item.id}. {t('instrument.notAsked')}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('instrument.answered', { count: answeredCount, total: asked.length })}
            </Text>
            <Group>
              <Button variant="default" onClick={() => (setAnswers({}), scoring.reset())}>
                {t('instrument.clear')}
              </Button>
              <Button onClick={() => scoring.mutate()} loading={scoring.isPending}>
                {t('instrument.score')}
              </Button>
            </Group>
          </Group>
          <ProblemAlert message={alert} />
          {scoring.data && <ResultPanel definition={definition} result={scoring.data} />}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="xs">
          <Text size="sm">
            <b>{t('instrument.source')}:</b> {definition.source}
          </Text>
          <Text size="sm">
            <b>{t('instrument.licence')}:</b> {definition.licence}
          </Text>
          <Badge variant="light" tt="none" radius="sm" color={builtIn ? 'blue' : 'grape'} w="fit-content">
            {builtIn ? t('instruments.builtIn') : t('instruments.loaded')} · {t('instruments.version', { version: definition.version })}
          </Badge>
          {(definition.caveats ?? []).length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('instrument.caveats')}
              </Text>
              <List size="sm">
                {definition.caveats!.map((caveat) => (
                  <List.Item key={caveat}>{caveat}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}

function ItemInput({
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
            <Checkbox key={String(option.value)} value={String(option.value)} label={localText(option.label, locale)} />
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
  return (
    <Radio.Group label={label} value={current} onChange={(next) => onChange(item.kind === 'yes-no' ? (next as Answer) : Number(next))}>
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function ResultPanel({ definition, result }: { definition: Definition; result: ScoreResult }) {
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
                {rule.offers && (
                  <Button component={Link} to={`/instruments/${rule.offers}`} color="red" size="sm">
                    {t('instrument.offer', { name: rule.offers.toUpperCase() })}
                  </Button>
                )}
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
