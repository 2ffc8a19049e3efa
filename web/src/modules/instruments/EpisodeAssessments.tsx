import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { ASSESSMENT_MODES, type AssessmentMode } from '../../../../src/modules/assessments/codes.ts';
import { useInstrumentsQuery, type Assessment } from './instrumentQueries.ts';

/** An episode's screens (read with the episode): what was given, when, and what it found; and giving a new one. */
export function EpisodeAssessments({
  episodeId,
  open,
  assessments,
}: {
  episodeId: string;
  open: boolean;
  assessments: readonly Assessment[];
}) {
  const t = useT();
  const format = useFormat();
  const [starting, setStarting] = useState(false);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('assessments.title')}
          </Title>
          {open && <Button onClick={() => setStarting(true)}>{t('assessments.start')}</Button>}
        </Group>
        {assessments.length === 0 ? (
          <Text c="dimmed">{t('assessments.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessments.instrument')}</Table.Th>
                  <Table.Th>{t('assessments.date')}</Table.Th>
                  <Table.Th>{t('assessments.status')}</Table.Th>
                  <Table.Th>{t('assessments.finding')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.map((assessment) => (
                  <Table.Tr key={assessment.id}>
                    <Table.Td>
                      <Link to={`/assessments/${assessment.id}`}>{assessment.instrumentKey.toUpperCase()}</Link>
                    </Table.Td>
                    <Table.Td>{format.dateTime(assessment.completedAt ?? assessment.startedAt)}</Table.Td>
                    <Table.Td>
                      <StatusBadge color={statusColor(assessment.status)}>{t(`assessment.status.${assessment.status}`)}</StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      <Finding assessment={assessment} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <StartDialog episodeId={episodeId} opened={starting} onClose={() => setStarting(false)} />
    </Paper>
  );
}

export function statusColor(status: Assessment['status']) {
  return status === 'completed' ? 'green' : status === 'in-progress' ? 'blue' : 'gray';
}

function Finding({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const result = assessment.result;
  if (!result) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={6}>
      {result.total !== null && <Text size="sm">{t('instrument.total', { total: result.total })}</Text>}
      {result.positive !== null && <Text size="sm">{result.positive ? t('instrument.positive') : t('instrument.negative')}</Text>}
      {result.critical && <StatusBadge color="red">{t('instrument.critical')}</StatusBadge>}
    </Group>
  );
}

function StartDialog({ episodeId, opened, onClose }: { episodeId: string; opened: boolean; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const navigate = useNavigate();
  const instruments = useInstrumentsQuery();
  const [instrumentKey, setInstrumentKey] = useState<string | null>(null);
  const [mode, setMode] = useState<AssessmentMode>('in-person');
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/episodes/{id}/assessments', {
          params: { path: { id: episodeId } },
          body: { instrumentKey: instrumentKey ?? '', mode },
        }),
      ),
    onSuccess: (assessment) => void navigate(`/assessments/${assessment.id}`),
  });
  return (
    <Dialog opened={opened} onClose={onClose} title={t('assessments.start')}>
      <Stack gap="md">
        <Select
          label={t('assessments.instrument')}
          data={(instruments.data ?? []).map((instrument) => ({
            value: instrument.key,
            label: `${instrument.abbreviation} — ${instrument.name.en}`,
          }))}
          value={instrumentKey}
          onChange={setInstrumentKey}
          searchable
        />
        <Select
          label={t('assessments.mode')}
          data={ASSESSMENT_MODES.filter((m) => m !== 'patient-device').map((m) => ({ value: m, label: t(`assessment.mode.${m}`) }))}
          value={mode}
          onChange={(value) => value && setMode(value)}
          allowDeselect={false}
        />
        <ProblemAlert message={start.error ? describe(start.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => start.mutate()} disabled={!instrumentKey} loading={start.isPending}>
            {t('assessments.begin')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
