import { Alert, Button, Checkbox, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { clinicalRoles } from '../../api/codes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept as KeptForm } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { caseloadKey, episodesKey, patientsKey, useStaffPicker } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import { reassignDraftForm } from './reassignDraft.ts';

type Reassignment = OkBody<'/api/caseload-reassignments', 'post'>;

interface Values {
  fromUserId: string | null;
  toUserIds: string[];
  on: string;
  note: string;
}

/** What is kept: the form, and the episodes unticked. */
type Kept = Values & { unchosen: string[] };

/** A supervisor moves a colleague's caseload, all or chosen episodes, to one or several colleagues (each as a handoff). */
export function ReassignCaseloadDialog({
  opened,
  onClose,
  fromUserId = null,
}: {
  opened: boolean;
  onClose: () => void;
  fromUserId?: string | null;
}) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('reassign.title')} size="lg" closeOnClickOutside={false}>
      {opened && <ReassignForm onClose={onClose} fromUserId={fromUserId} />}
    </Dialog>
  );
}

function ReassignForm({ onClose, fromUserId }: { onClose: () => void; fromUserId: string | null }) {
  const t = useT();
  const today = useToday();
  const queryClient = useQueryClient();
  const staff = useStaffPicker(true);
  const [result, setResult] = useState<Reassignment | null>(null);
  const session = useSession();
  const draft = useKeptDraft<Kept>(session.user.id, reassignDraftForm(fromUserId !== null), (): KeptForm<Kept> | null =>
    // Done (the result shows): nothing is left to keep, and nothing to submit twice.
    result === null ? { values: { ...form.getValues(), unchosen: [...unchosen] }, base: null } : null,
  );
  const kept = draft.restored?.values;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: kept
      ? { fromUserId: kept.fromUserId, toUserIds: kept.toUserIds, on: kept.on, note: kept.note }
      : { fromUserId, toUserIds: [], on: today, note: '' },
    validate: (v) => ({
      fromUserId: v.fromUserId === null ? t('reassign.fromRequired') : null,
      toUserIds:
        v.toUserIds.length === 0
          ? t('reassign.toRequired')
          : v.fromUserId !== null && v.toUserIds.includes(v.fromUserId)
            ? t('reassign.toNotFrom')
            : null,
      on: v.on === '' ? t('reassign.onRequired') : null,
      note: v.note.trim() === '' ? t('reassign.noteRequired') : null,
    }),
  });
  // The chosen episodes are kept apart from the form's values (all of them until some are unticked).
  const problem = useFormProblem(form, { outside: ['episodeIds'] });
  const { values } = form;
  // The colleague's open episodes in my programs, all chosen until I untick some.
  const theirs = useQuery({
    queryKey: [...caseloadKey, 'of', values.fromUserId],
    enabled: values.fromUserId !== null,
    queryFn: () => unwrap(api.GET('/api/caseload', { params: { query: { userId: values.fromUserId ?? '', limit: 200 } } })),
  });
  // Only episodes where they are the primary case manager move (a handoff is of that role).
  const episodes = (theirs.data?.items ?? []).filter((row) => row.myRole === 'primary-case-manager');
  const [unchosen, setUnchosen] = useState<Set<string>>(() => new Set(kept?.unchosen ?? []));
  const chosen = episodes.filter((row) => !unchosen.has(row.episodeId)).map((row) => row.episodeId);
  const clinical = (staff.data ?? []).filter((user) => user.roles.some((role) => clinicalRoles.includes(role)));
  const nameOf = (id: string) => clinical.find((user) => user.id === id)?.displayName ?? id;
  const save = useMutation({
    mutationFn: () => {
      if (values.fromUserId === null) throw new Error('checked before sending');
      return unwrap(
        api.POST('/api/caseload-reassignments', {
          body: {
            fromUserId: values.fromUserId,
            toUserIds: values.toUserIds,
            // Leave the list out when everything moves, so episodes opened meanwhile move too.
            ...(unchosen.size > 0 ? { episodeIds: chosen } : {}),
            on: values.on,
            note: values.note.trim(),
          },
        }),
      );
    },
    onSuccess: (data) => {
      setResult(data);
      void queryClient.invalidateQueries({ queryKey: caseloadKey });
      void queryClient.invalidateQueries({ queryKey: episodesKey });
      void queryClient.invalidateQueries({ queryKey: patientsKey });
    },
    // A reassignment has no version: it is sent afresh after sign-in.
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, { ...form.getValues(), unchosen: [...unchosen] })) problem.show(error);
    },
  });

  if (result !== null) {
    const counts = new Map<string, number>();
    for (const handoff of result.handoffs) counts.set(handoff.toUserId, (counts.get(handoff.toUserId) ?? 0) + 1);
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" title={t('reassign.doneTitle')} role="status">
          {result.handoffs.length === 0
            ? t('reassign.doneNone', { name: nameOf(values.fromUserId ?? '') })
            : t('reassign.done', { count: result.handoffs.length, name: nameOf(values.fromUserId ?? '') })}
        </Alert>
        {counts.size > 0 && (
          <Stack component="ul" gap={4} m={0} pl="lg">
            {[...counts].map(([userId, count]) => (
              <Text component="li" size="sm" key={userId}>
                {t('reassign.doneTo', { name: nameOf(userId), count })}
              </Text>
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = form.onSubmit(() => {
    problem.clear();
    save.mutate();
  });
  const options = clinical.map((user) => ({ value: user.id, label: user.displayName }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('reassign.intro')}</Text>
        {staff.isError && <ProblemAlert message={t('reassign.staffError')} />}
        <ProblemAlert message={problem.alert} />
        <Select
          label={t('reassign.from')}
          data={options}
          {...form.getInputProps('fromUserId')}
          onChange={(next: string | null) => {
            form.setFieldValue('fromUserId', next);
            setUnchosen(new Set());
          }}
          searchable
          required
          disabled={staff.isPending}
          data-autofocus
        />
        <MultiSelect
          label={t('reassign.to')}
          description={t('reassign.toDescription')}
          data={options.filter((option) => option.value !== values.fromUserId)}
          {...form.getInputProps('toUserIds')}
          searchable
          required
          disabled={staff.isPending}
        />
        <TextInput label={t('reassign.on')} type="date" {...form.getInputProps('on')} required />
        <Textarea
          label={t('reassign.note')}
          description={t('reassign.noteDescription')}
          {...form.getInputProps('note')}
          required
          autosize
          minRows={2}
        />
        {values.fromUserId !== null && theirs.isPending && <Loader size="sm" aria-label={t('reassign.episodesLoading')} />}
        {values.fromUserId !== null && theirs.isSuccess && episodes.length === 0 && <Text size="sm">{t('reassign.noEpisodes')}</Text>}
        {episodes.length > 0 && (
          <Checkbox.Group
            label={t('reassign.episodes')}
            description={t('reassign.episodesDescription', { chosen: chosen.length, total: episodes.length })}
            value={chosen}
            onChange={(next) => setUnchosen(new Set(episodes.map((row) => row.episodeId).filter((id) => !next.includes(id))))}
            error={chosen.length === 0 ? t('reassign.episodesRequired') : form.errors.episodeIds}
          >
            <Stack gap={4} mt="xs" mah={220} style={{ overflowY: 'auto' }}>
              {episodes.map((row) => (
                <Checkbox
                  key={row.episodeId}
                  value={row.episodeId}
                  label={`${row.legalLastName}, ${row.preferredName ?? row.legalFirstName} — ${row.programName}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Text size="sm" c="dimmed">
          {t('reassign.allEpisodes')}
        </Text>
        <FormActions
          submit={t('reassign.submit')}
          busy={save.isPending}
          disabled={episodes.length > 0 && chosen.length === 0}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
