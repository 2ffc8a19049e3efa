import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { levelEditions, levelsOfCare, type LevelEdition } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { levelKeys } from './patientHelpers.ts';
import { type Episode, type Placement } from './patientQueries.ts';
import { useToday } from './useToday.ts';
import { Buttons, isStale, StaleAlert, useRefresh } from './episodeDialogParts.tsx';

const placementFields = ['levelEdition', 'levelCode', 'providerName', 'startDate', 'plannedEndDate', 'concurrent', 'note'] as const;

interface PlacementValues extends Record<string, unknown> {
  levelEdition: LevelEdition;
  levelCode: string | null;
  providerName: string;
  startDate: string;
  plannedEndDate: string;
  concurrent: boolean;
  note: string;
}

export function PlacementForm({ episode, onClose }: { episode: Episode; onClose: () => void }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const today = useToday();
  const refresh = useRefresh();
  // Programs keep to one edition for years: offer the one this episode already uses.
  const lastEdition = episode.placements.at(-1)?.levelEdition ?? 'asam-3';
  const form = useForm<PlacementValues>({
    levelEdition: lastEdition,
    levelCode: null,
    providerName: '',
    startDate: today,
    plannedEndDate: '',
    concurrent: false,
    note: '',
  });
  const { values } = form;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/episodes/{id}/placements', {
          params: { path: { id: episode.id } },
          body: {
            levelEdition: values.levelEdition,
            levelCode: values.levelCode ?? '',
            startDate: values.startDate,
            providerName: values.providerName.trim() === '' ? null : values.providerName.trim(),
            plannedEndDate: values.plannedEndDate === '' ? null : values.plannedEndDate,
            concurrent: values.concurrent,
            note: values.note.trim() === '' ? null : values.note.trim(),
          },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const server = useServerErrors(save.error, placementFields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        levelCode: v.levelCode === null ? t('placement.levelRequired') : undefined,
        startDate: v.startDate === '' ? t('placement.startRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert message={server.alert} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select<LevelEdition>
            label={t('placement.edition')}
            data={levelEditions.map((code) => ({ value: code, label: t(`levelEdition.${code}.long`) }))}
            value={values.levelEdition}
            onChange={(next) => {
              if (next === null) return;
              form.set('levelEdition', next);
              form.set('levelCode', null);
            }}
            error={form.errorFor('levelEdition', server.fieldErrors)}
            allowDeselect={false}
            data-autofocus
          />
          <Select
            label={t('placement.level')}
            data={levelsOfCare[values.levelEdition].map((code) => ({
              value: code,
              label: tMaybe(levelKeys(values.levelEdition, code).level) ?? code,
            }))}
            value={values.levelCode}
            onChange={(next) => form.set('levelCode', next)}
            error={form.errorFor('levelCode', server.fieldErrors)}
            required
            searchable
            maxDropdownHeight={320}
          />
        </SimpleGrid>
        <TextInput
          label={t('placement.provider')}
          description={t('placement.providerDescription')}
          value={values.providerName}
          onChange={(event) => form.set('providerName', event.currentTarget.value)}
          error={form.errorFor('providerName', server.fieldErrors)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('placement.start')}
            type="date"
            value={values.startDate}
            onChange={(event) => form.set('startDate', event.currentTarget.value)}
            error={form.errorFor('startDate', server.fieldErrors)}
            required
          />
          <TextInput
            label={t('placement.plannedEnd')}
            type="date"
            min={values.startDate}
            value={values.plannedEndDate}
            onChange={(event) => form.set('plannedEndDate', event.currentTarget.value)}
            error={form.errorFor('plannedEndDate', server.fieldErrors)}
          />
        </SimpleGrid>
        <Checkbox
          label={t('placement.concurrent')}
          description={t('placement.concurrentDescription')}
          checked={values.concurrent}
          onChange={(event) => form.set('concurrent', event.currentTarget.checked)}
        />
        <Textarea
          label={t('placement.note')}
          value={values.note}
          onChange={(event) => form.set('note', event.currentTarget.value)}
          error={form.errorFor('note', server.fieldErrors)}
          autosize
          minRows={2}
        />
        <Buttons busy={save.isPending} submit={t('placement.addSubmit')} onClose={onClose} />
      </Stack>
    </form>
  );
}

export function EndPlacementForm({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const today = useToday();
  const refresh = useRefresh();
  const form = useForm<{ actualEndDate: string }>({ actualEndDate: today < placement.startDate ? placement.startDate : today });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/placements/{id}', {
          params: { path: { id: placement.id } },
          body: { actualEndDate: form.values.actualEndDate, version: placement.version },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: (error) => {
      if (isStale(error)) refresh();
    },
  });
  const stale = isStale(save.error);
  const server = useServerErrors(stale ? null : save.error, ['actualEndDate'] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate((v) => ({ actualEndDate: v.actualEndDate === '' ? t('placement.endRequired') : undefined }), form.values);
    if (ok) save.mutate();
  };
  const level = tMaybe(levelKeys(placement.levelEdition, placement.levelCode).level) ?? placement.levelCode;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('placement.endIntro', { level })}</Text>
        <StaleAlert show={stale} />
        <ProblemAlert message={server.alert} />
        <TextInput
          label={t('placement.actualEnd')}
          type="date"
          min={placement.startDate}
          value={form.values.actualEndDate}
          onChange={(event) => form.set('actualEndDate', event.currentTarget.value)}
          error={form.errorFor('actualEndDate', server.fieldErrors)}
          required
          data-autofocus
        />
        <Buttons busy={save.isPending} submit={t('placement.endSubmit')} onClose={onClose} />
      </Stack>
    </form>
  );
}

const editPlacementFields = ['providerName', 'plannedEndDate', 'note'] as const;

export function EditPlacementForm({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const refresh = useRefresh();
  const form = useForm<{ providerName: string; plannedEndDate: string; note: string }>({
    providerName: placement.providerName ?? '',
    plannedEndDate: placement.plannedEndDate ?? '',
    note: placement.note ?? '',
  });
  const { values } = form;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/placements/{id}', {
          params: { path: { id: placement.id } },
          body: {
            providerName: values.providerName.trim() === '' ? null : values.providerName.trim(),
            plannedEndDate: values.plannedEndDate === '' ? null : values.plannedEndDate,
            note: values.note.trim() === '' ? null : values.note.trim(),
            version: placement.version,
          },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
    // A stale version: show the placement as it is now (the dialog keeps the user's edits).
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) refresh();
    },
  });
  const stale = isStale(save.error);
  const server = useServerErrors(stale ? null : save.error, editPlacementFields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        plannedEndDate: v.plannedEndDate !== '' && v.plannedEndDate < placement.startDate ? t('placement.plannedBeforeStart') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  const level = tMaybe(levelKeys(placement.levelEdition, placement.levelCode).level) ?? placement.levelCode;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('placement.editIntro', { level })}</Text>
        <StaleAlert show={stale} />
        <ProblemAlert message={server.alert} />
        <TextInput
          label={t('placement.provider')}
          description={t('placement.providerDescription')}
          value={values.providerName}
          onChange={(event) => form.set('providerName', event.currentTarget.value)}
          error={form.errorFor('providerName', server.fieldErrors)}
          data-autofocus
        />
        <TextInput
          label={t('placement.plannedEnd')}
          type="date"
          min={placement.startDate}
          value={values.plannedEndDate}
          onChange={(event) => form.set('plannedEndDate', event.currentTarget.value)}
          error={form.errorFor('plannedEndDate', server.fieldErrors)}
        />
        <Textarea
          label={t('placement.note')}
          value={values.note}
          onChange={(event) => form.set('note', event.currentTarget.value)}
          error={form.errorFor('note', server.fieldErrors)}
          autosize
          minRows={2}
        />
        <Buttons busy={save.isPending} submit={t('placement.editSubmit')} onClose={onClose} />
      </Stack>
    </form>
  );
}

// The care team --------------------------------------------------------------------------------
