import { Alert, Button, Checkbox, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { clinicalRoles } from '../../api/codes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { caseloadKey, episodesKey, patientsKey, useStaffPicker } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';

type Reassignment = OkBody<'/api/caseload-reassignments', 'post'>;

const fields = ['fromUserId', 'toUserIds', 'episodeIds', 'on', 'note'] as const;

interface Values extends Record<string, unknown> {
  fromUserId: string | null;
  toUserIds: string[];
  on: string;
  note: string;
}

/** A supervisor moves a colleague's caseload, all or chosen episodes, to one or several colleagues (each as a handoff). */
export function ReassignCaseloadDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('reassign.title')} size="lg" closeOnClickOutside={false}>
      {opened && <ReassignForm onClose={onClose} />}
    </Dialog>
  );
}

function ReassignForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const queryClient = useQueryClient();
  const staff = useStaffPicker(true);
  const [result, setResult] = useState<Reassignment | null>(null);
  const form = useForm<Values>({ fromUserId: null, toUserIds: [], on: today, note: '' });
  const { values } = form;
  // The colleague's open episodes in my programs, all chosen until I untick some.
  const theirs = useQuery({
    queryKey: [...caseloadKey, 'of', values.fromUserId],
    enabled: values.fromUserId !== null,
    queryFn: () => unwrap(api.GET('/api/caseload', { params: { query: { userId: values.fromUserId ?? '', limit: 200 } } })),
  });
  // Only episodes where they are the primary case manager move (a handoff is of that role).
  const episodes = (theirs.data?.items ?? []).filter((row) => row.myRole === 'primary-case-manager');
  const [unchosen, setUnchosen] = useState<Set<string>>(new Set());
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
  });
  const server = useServerErrors(save.error, fields);

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        fromUserId: v.fromUserId === null ? t('reassign.fromRequired') : undefined,
        toUserIds:
          v.toUserIds.length === 0
            ? t('reassign.toRequired')
            : v.fromUserId !== null && v.toUserIds.includes(v.fromUserId)
              ? t('reassign.toNotFrom')
              : undefined,
        on: v.on === '' ? t('reassign.onRequired') : undefined,
        note: v.note.trim() === '' ? t('reassign.noteRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  const options = clinical.map((user) => ({ value: user.id, label: user.displayName }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('reassign.intro')}</Text>
        {staff.isError && <ProblemAlert message={t('reassign.staffError')} />}
        <ProblemAlert message={server.alert} />
        <Select
          label={t('reassign.from')}
          data={options}
          value={values.fromUserId}
          onChange={(next) => {
            form.set('fromUserId', next);
            setUnchosen(new Set());
          }}
          error={form.errorFor('fromUserId', server.fieldErrors)}
          searchable
          required
          disabled={staff.isPending}
          data-autofocus
        />
        <MultiSelect
          label={t('reassign.to')}
          description={t('reassign.toDescription')}
          data={options.filter((option) => option.value !== values.fromUserId)}
          value={values.toUserIds}
          onChange={(next) => form.set('toUserIds', next)}
          error={form.errorFor('toUserIds', server.fieldErrors)}
          searchable
          required
          disabled={staff.isPending}
        />
        <TextInput
          label={t('reassign.on')}
          type="date"
          value={values.on}
          onChange={(event) => form.set('on', event.currentTarget.value)}
          error={form.errorFor('on', server.fieldErrors)}
          required
        />
        <Textarea
          label={t('reassign.note')}
          description={t('reassign.noteDescription')}
          value={values.note}
          onChange={(event) => form.set('note', event.currentTarget.value)}
          error={form.errorFor('note', server.fieldErrors)}
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
            error={chosen.length === 0 ? t('reassign.episodesRequired') : form.errorFor('episodeIds', server.fieldErrors)}
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={episodes.length > 0 && chosen.length === 0}>
            {t('reassign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
