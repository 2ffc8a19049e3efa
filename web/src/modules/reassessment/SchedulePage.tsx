import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { SCHEDULE_PHASES, SCHEDULE_TRIGGERS } from '../../../../src/modules/reassessment/codes.ts';
import { useInstrumentsQuery } from '../instruments/instrumentQueries.ts';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';

type Schedule = OkBody<'/api/programs/{id}/reassessment-schedule', 'get'>;
type Rule = Schedule['rules'][number];
const scheduleKey = (id: string) => ['reassessment-schedule', id] as const;

/** A program's reassessment schedule: read by all staff, changed by admins and the program's supervisors. */
export function SchedulePage() {
  const t = useT();
  const { id = '' } = useParams();
  const program = useQuery({
    queryKey: ['programs', 'one', id],
    queryFn: () => unwrap(api.GET('/api/programs/{id}', { params: { path: { id } } })),
  });
  const schedule = useQuery({
    queryKey: scheduleKey(id),
    queryFn: () => unwrap(api.GET('/api/programs/{id}/reassessment-schedule', { params: { path: { id } } })),
  });
  if (program.isPending || program.isError || schedule.isPending || schedule.isError) {
    return (
      <Page title={t('schedule.title')}>
        <QueryStatus
          isPending={program.isPending || schedule.isPending}
          error={program.error ?? schedule.error}
          retry={() => void schedule.refetch()}
        />
      </Page>
    );
  }
  return <ScheduleEditor key={schedule.data.version} programName={program.data.name} schedule={schedule.data} />;
}

function ScheduleEditor({ programName, schedule }: { programName: string; schedule: Schedule }) {
  const t = useT();
  const describe = useProblemText();
  const session = useSession();
  const queryClient = useQueryClient();
  const instruments = useInstrumentsQuery();
  const [rules, setRules] = useState<Rule[]>(schedule.rules);
  const [saved, setSaved] = useState(false);
  const manages =
    hasAnyRole(session, ['admin']) || (hasAnyRole(session, ['supervisor']) && session.user.programIds.includes(schedule.programId));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/programs/{id}/reassessment-schedule', {
          params: { path: { id: schedule.programId } },
          body: { version: schedule.version, rules },
        }),
      ),
    onSuccess: (next) => {
      setSaved(true);
      queryClient.setQueryData(scheduleKey(next.programId), next);
      void queryClient.invalidateQueries({ queryKey: ['episodes'] });
    },
  });
  const change = (index: number, patch: Partial<Rule>) => {
    setSaved(false);
    setRules((current) => current.map((rule, i) => (i === index ? cleanRule({ ...rule, ...patch }) : rule)));
  };

  return (
    <Page title={t('schedule.title')} intro={`${programName} · ${t('schedule.intro')}`}>
      {!manages && <Text c="dimmed">{t('schedule.readOnly')}</Text>}
      {rules.length === 0 && <Text>{t('schedule.empty')}</Text>}
      <Stack gap="sm">
        {rules.map((rule, index) => (
          <Paper key={index} withBorder p="md" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" fw={700} style={{ float: 'left', padding: 0 }}>
              {t('schedule.ruleHeading', { number: index + 1 })}
            </Text>
            <Stack gap="xs" style={{ clear: 'both' }}>
              <Group justify="flex-end">
                {manages && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('schedule.removeNamed', { number: index + 1 })}
                    onClick={() => {
                      setSaved(false);
                      setRules((current) => current.filter((_, i) => i !== index));
                    }}
                  >
                    {t('schedule.remove')}
                  </Button>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
                <Select
                  label={t('schedule.instrument')}
                  data={(instruments.data ?? []).map((instrument) => ({ value: instrument.key, label: instrument.abbreviation }))}
                  value={rule.instrumentKey}
                  onChange={(value) => value && change(index, { instrumentKey: value })}
                  readOnly={!manages}
                  allowDeselect={false}
                  searchable
                />
                <Select
                  label={t('schedule.when')}
                  data={SCHEDULE_TRIGGERS.map((value) => ({ value, label: t(`schedule.when.${value}`) }))}
                  value={rule.when}
                  onChange={(value) => value && change(index, { when: value })}
                  readOnly={!manages}
                  allowDeselect={false}
                />
                {rule.when === 'every' && (
                  <>
                    <Select
                      label={t('schedule.phase')}
                      data={SCHEDULE_PHASES.map((value) => ({ value, label: t(`phase.${value}`) }))}
                      value={rule.phase ?? null}
                      onChange={(value) => value && change(index, { phase: value })}
                      readOnly={!manages}
                      allowDeselect={false}
                    />
                    <NumberInput
                      label={t('schedule.everyDays')}
                      value={rule.everyDays ?? ''}
                      onChange={(value) => change(index, { everyDays: typeof value === 'number' ? value : undefined })}
                      min={1}
                      max={365}
                      readOnly={!manages}
                    />
                  </>
                )}
                <NumberInput
                  label={t('schedule.graceDays')}
                  value={rule.graceDays ?? 7}
                  onChange={(value) => change(index, { graceDays: typeof value === 'number' ? value : undefined })}
                  min={0}
                  max={90}
                  readOnly={!manages}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
      </Stack>
      <ProblemAlert message={save.error ? describe(save.error) : null} />
      {manages && (
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => {
              setSaved(false);
              setRules((current) => [...current, { instrumentKey: 'phq-9', when: 'intake' }]);
            }}
          >
            {t('schedule.add')}
          </Button>
          <Group gap="sm">
            {saved && (
              <Text c="green.9" role="status">
                {t('schedule.saved')}
              </Text>
            )}
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('schedule.save')}
            </Button>
          </Group>
        </Group>
      )}
    </Page>
  );
}

/** Only a repeating rule has a phase and a period: drop them when the rule stops repeating. */
function cleanRule(rule: Rule): Rule {
  if (rule.when === 'every') return { ...rule, phase: rule.phase ?? 'primary-treatment', everyDays: rule.everyDays ?? 30 };
  const { phase: _phase, everyDays: _everyDays, ...rest } = rule;
  return rest;
}
