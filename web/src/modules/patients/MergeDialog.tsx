import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, networkProblemType, parseRetryAfter, toProblem } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { mergeDraftForm } from './draftForms.ts';
import { displayName } from './patientHelpers.ts';
import { caseloadKey, episodesKey, patientsKey, type Patient, type PatientSummary } from './patientQueries.ts';

/** Merges another record into `survivor`; answers the merge's id (from the Location header) for undoing it. */
async function mergePatient(
  survivorId: string,
  body: { mergedPatientId: string; version: number; reason: string },
): Promise<string | null> {
  const result = await api.POST('/api/patients/{id}/merges', { params: { path: { id: survivorId } }, body }).catch(() => {
    throw new ApiError({ type: networkProblemType, title: 'Network error', status: 0 });
  });
  if (result.response.ok) {
    const location = result.response.headers.get('Location') ?? '';
    const match = /\/api\/patient-merges\/([^/?#]+)/.exec(location);
    return match?.[1] ?? null;
  }
  const problem = toProblem(result.response.status, result.response.statusText, result.error);
  throw new ApiError(problem, parseRetryAfter(result.response.headers.get('Retry-After')));
}

function refreshAll(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: patientsKey });
  void queryClient.invalidateQueries({ queryKey: episodesKey });
  void queryClient.invalidateQueries({ queryKey: caseloadKey });
}

/** What is kept: the record chosen to merge in, and why. */
interface KeptMerge {
  chosen: PatientSummary;
  reason: string;
}

export function MergeDialog({ patient, opened, onClose }: { patient: Patient; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('merge.title')} size="lg" closeOnClickOutside={false}>
      {opened && <MergeForm patient={patient} onClose={onClose} />}
    </Dialog>
  );
}

function MergeForm({ patient, onClose }: { patient: Patient; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const session = useSession();
  const kept = useKeptDraft<KeptMerge>(session.user.id, mergeDraftForm(patient.id), (): Kept<KeptMerge> | null =>
    chosen === null ? null : keptAt({ chosen, reason: form.getValues().reason }, version),
  );
  // A restored merge goes against the record as first read: one changed meanwhile is a 409.
  const version = kept.restored?.base?.version ?? patient.version;
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const [chosen, setChosen] = useState<PatientSummary | null>(kept.restored?.values.chosen ?? null);
  const form = useForm<{ reason: string; mergedPatientId: string }>({
    mode: 'controlled',
    initialValues: { reason: kept.restored?.values.reason ?? '', mergedPatientId: '' },
    validate: (v) => ({ reason: v.reason.trim() === '' ? t('merge.reasonRequired') : null }),
  });
  const problem = useFormProblem(form);
  const results = useQuery({
    queryKey: [...patientsKey, 'search', { q: query, purpose: 'merge' }],
    queryFn: () => unwrap(api.GET('/api/patients', { params: { query: { q: query ?? '', limit: 20 } } })),
    enabled: query !== null,
  });
  const candidates = (results.data?.items ?? []).filter((item) => item.id !== patient.id);

  const merge = useMutation({
    mutationFn: () => {
      if (chosen === null) throw new Error('checked before sending');
      return mergePatient(patient.id, { mergedPatientId: chosen.id, version, reason: form.getValues().reason.trim() });
    },
    onSuccess: (mergeId) => {
      refreshAll(queryClient);
      const id = `merge-${mergeId ?? chosen?.id ?? ''}`;
      const undoLabels = { undo: t('merge.undo'), undone: t('merge.undone'), undoFailed: t('merge.undoFailed') };
      notifications.show({
        id,
        color: 'green',
        title: t('merge.doneTitle'),
        autoClose: 20_000,
        message: (
          <Stack gap={6}>
            <Text size="sm">{t('merge.done', { name: chosen === null ? '' : displayName(chosen) })}</Text>
            {mergeId !== null && <UndoMergeButton mergeId={mergeId} notificationId={id} labels={undoLabels} queryClient={queryClient} />}
          </Stack>
        ),
      });
      onClose();
    },
    onError: (error) => {
      const values = chosen === null ? null : { chosen, reason: form.getValues().reason };
      if (values !== null && kept.keepIfSignedOut(error, values, { values, version })) return;
      if (error instanceof ApiError && error.problemType === 'stale-version') refreshAll(queryClient);
      else problem.show(error);
    },
  });
  const stale = merge.error instanceof ApiError && merge.error.problemType === 'stale-version';
  const mergedError = form.errors.mergedPatientId;

  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = draft.trim();
    if (q.length < 2) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setQuery(q);
  };

  const submit = form.onSubmit(() => {
    problem.clear();
    merge.mutate();
  });

  if (chosen === null) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('merge.searchIntro', { name: displayName(patient) })}</Text>
        <form onSubmit={search} noValidate role="search">
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('merge.search')}
              description={t('merge.searchDescription')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              error={tooShort ? t('merge.searchTooShort') : undefined}
              style={{ flex: 1 }}
              data-autofocus
            />
            <Button type="submit" variant="default">
              {t('merge.searchSubmit')}
            </Button>
          </Group>
        </form>
        {query !== null &&
          (results.isPending || results.isError ? (
            <QueryStatus isPending={results.isPending} error={results.error} retry={() => void results.refetch()} />
          ) : candidates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('merge.noResults')}
            </Text>
          ) : (
            <>
              {results.data.tooManyMatches && (
                // As on the patients page: the list is the closest of the first matches found, not of all.
                <Alert color="yellow" role="status" aria-live="polite">
                  {t('merge.tooManyMatches', { count: results.data.matchCap })}
                </Alert>
              )}
              <Radio.Group
                label={t('merge.pick')}
                value={null}
                onChange={(id) => setChosen(candidates.find((item) => item.id === id) ?? null)}
              >
                <Stack gap="xs" mt="xs">
                  {candidates.map((item) => (
                    <Radio
                      key={item.id}
                      value={item.id}
                      label={`${displayName(item)} · ${t('merge.bornOn', { date: format.dateInSentence(item.dateOfBirth) })}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            </>
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const card = (heading: string, record: PatientSummary | Patient) => (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="xs" tt="uppercase" fw={700} c="dark.6">
          {heading}
        </Text>
        <Title order={3} fz="md">
          {displayName(record)}
        </Title>
        <Text size="sm">{[record.legalFirstName, record.legalLastName].join(' ')}</Text>
        <Text size="sm">{t('merge.bornOn', { date: format.dateInSentence(record.dateOfBirth) })}</Text>
      </Stack>
    </Paper>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {card(t('merge.kept'), patient)}
          {card(t('merge.mergedAway'), chosen)}
        </SimpleGrid>
        {kept.restored !== null && <RestoredDraftNotice />}
        <Alert color="orange" variant="light" title={t('merge.warningTitle')}>
          {t('merge.warning', { name: displayName(chosen), survivor: displayName(patient) })}
        </Alert>
        {stale && (
          <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
            {t('merge.stale')}
          </Alert>
        )}
        <ProblemAlert message={problem.alert} />
        {mergedError !== undefined && mergedError !== null && (
          <Text size="sm" c="red" role="alert">
            {mergedError}
          </Text>
        )}
        <Textarea
          label={t('merge.reason')}
          description={t('merge.reasonDescription')}
          {...form.getInputProps('reason')}
          required
          autosize
          minRows={2}
          data-autofocus
        />
        <FormActions
          submit={t('merge.submit')}
          busy={merge.isPending}
          onCancel={onClose}
          destructive
          start={
            <Button variant="subtle" onClick={() => setChosen(null)} disabled={merge.isPending}>
              {t('merge.back')}
            </Button>
          }
        />
      </Stack>
    </form>
  );
}

/**
 * In the success notice. Notices render outside the app's providers, so this takes its texts
 * and the query client from the dialog rather than from context.
 */
function UndoMergeButton({
  mergeId,
  notificationId,
  labels,
  queryClient,
}: {
  mergeId: string;
  notificationId: string;
  labels: { undo: string; undone: string; undoFailed: string };
  queryClient: QueryClient;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const undo = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await unwrap(api.POST('/api/patient-merges/{id}/undo', { params: { path: { id: mergeId } } }));
      refreshAll(queryClient);
      notifications.update({ id: notificationId, color: 'green', title: undefined, message: labels.undone, autoClose: 6000 });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" loading={busy} onClick={() => void undo()}>
        {labels.undo}
      </Button>
      {failed && (
        <Text size="sm" c="red" role="alert">
          {labels.undoFailed}
        </Text>
      )}
    </Group>
  );
}
