import { Alert, Anchor, Badge, Button, Group, List, Paper, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useServerErrors } from '../../components/problems.tsx';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { isAsked } from '../../../../src/modules/instruments/rules.ts';
import { ItemInput, ResultPanel } from './InstrumentForm.tsx';
import { localText, useInstrumentQuery, type Answer, type Definition } from './instrumentQueries.ts';

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
