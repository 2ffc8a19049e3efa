import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { levelEditions, levelsOfCare, type LevelEdition } from '../../api/codes.ts';
import { changedFields } from '../../components/forms/changes.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { StaleNotice } from '../../components/forms/StaleNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { useStaleRecord } from '../../components/forms/useStaleRecord.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import type { Kept } from '../../components/forms/useKeptDraft.ts';
import { loadPlacement, useEpisodeDraft, useRefresh } from './episodeDialogParts.tsx';
import { levelKeys } from './patientHelpers.ts';
import { type Episode, type Placement } from './patientQueries.ts';
import { useToday } from './useToday.ts';
import { CitedReviewSelect } from '../asam/CitedReviewSelect.tsx';

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

interface PlacementValues {
  levelEdition: LevelEdition;
  levelCode: string | null;
  providerName: string;
  startDate: string;
  plannedEndDate: string;
  concurrent: boolean;
  note: string;
  asamReviewId: string | null;
}

export function PlacementForm({ episode, draftForm, onClose }: { episode: Episode; draftForm: string; onClose: () => void }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const today = useToday();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<PlacementValues>(draftForm, (): Kept<PlacementValues> | null => ({ values: form.getValues(), base: null }));
  const form = useForm<PlacementValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? {
      // Programs keep to one edition for years: offer the one this episode already uses.
      levelEdition: episode.placements.at(-1)?.levelEdition ?? 'asam-3',
      levelCode: null,
      providerName: '',
      startDate: today,
      plannedEndDate: '',
      concurrent: false,
      note: '',
      asamReviewId: null,
    },
    validate: (v) => ({
      levelCode: v.levelCode === null ? t('placement.levelRequired') : null,
      startDate: v.startDate === '' ? t('placement.startRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
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
            providerName: orNull(values.providerName),
            plannedEndDate: values.plannedEndDate === '' ? null : values.plannedEndDate,
            concurrent: values.concurrent,
            note: orNull(values.note),
            asamReviewId: values.asamReviewId,
          },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
    // A new placement has no version: it is added afresh after sign-in.
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, form.getValues())) problem.show(error);
    },
  });
  const submit = form.onSubmit(() => {
    problem.clear();
    save.mutate();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <CitedReviewSelect
          reviews={episode.asamReviews ?? []}
          value={values.asamReviewId}
          error={form.errors.asamReviewId}
          onChange={(review) => {
            form.setFieldValue('asamReviewId', review?.id ?? null);
            if (review === null) return;
            form.setFieldValue('levelEdition', review.edition);
            form.setFieldValue('levelCode', review.chosenLevel);
          }}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select<LevelEdition>
            label={t('placement.edition')}
            data={levelEditions.map((code) => ({ value: code, label: t(`levelEdition.${code}.long`) }))}
            {...form.getInputProps('levelEdition')}
            onChange={(next) => {
              if (next === null) return;
              form.setFieldValue('levelEdition', next);
              form.setFieldValue('levelCode', null);
            }}
            allowDeselect={false}
            data-autofocus
          />
          <Select
            label={t('placement.level')}
            data={levelsOfCare[values.levelEdition].map((code) => ({
              value: code,
              label: tMaybe(levelKeys(values.levelEdition, code).level) ?? code,
            }))}
            {...form.getInputProps('levelCode')}
            required
            searchable
            maxDropdownHeight={320}
          />
        </SimpleGrid>
        <TextInput
          label={t('placement.provider')}
          description={t('placement.providerDescription')}
          {...form.getInputProps('providerName')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('placement.start')} type="date" {...form.getInputProps('startDate')} required />
          <TextInput label={t('placement.plannedEnd')} type="date" min={values.startDate} {...form.getInputProps('plannedEndDate')} />
        </SimpleGrid>
        <Checkbox
          label={t('placement.concurrent')}
          description={t('placement.concurrentDescription')}
          {...form.getInputProps('concurrent', { type: 'checkbox' })}
        />
        <Textarea label={t('placement.note')} {...form.getInputProps('note')} autosize minRows={2} />
        <FormActions submit={t('placement.addSubmit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

interface PlacementDialogProps {
  episode: Episode;
  placement: Placement;
  draftForm: string;
  onClose: () => void;
}

export function EndPlacementForm({ episode, placement, draftForm, onClose }: PlacementDialogProps) {
  const t = useT();
  const format = useFormat();
  const { tMaybe } = useTranslator();
  const today = useToday();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<{ actualEndDate: string }>(draftForm, (): Kept<{ actualEndDate: string }> | null => ({
    values: form.getValues(),
    base: stale.base,
  }));
  const form = useForm<{ actualEndDate: string }>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { actualEndDate: today < placement.startDate ? placement.startDate : today },
    validate: (v) => ({ actualEndDate: v.actualEndDate === '' ? t('placement.endRequired') : null }),
  });
  // Measured against the placement as saved (not yet ended), so a conflict shows who ended it when.
  // A restored draft saves against the placement as first read: a change made meanwhile is a 409.
  const stale = useStaleRecord(
    form,
    draft.restored?.base ?? { values: { actualEndDate: placement.actualEndDate ?? '' }, version: placement.version },
  );
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/placements/{id}', {
          params: { path: { id: placement.id } },
          body: { actualEndDate: form.getValues().actualEndDate, version: stale.base.version },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: async (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), stale.base)) return;
      try {
        const load = async () => {
          const latest = await loadPlacement(episode.id, placement.id);
          return { values: { actualEndDate: latest.actualEndDate ?? '' }, version: latest.version };
        };
        if (await stale.recover(error, load)) refresh();
        else problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });
  const submit = form.onSubmit(() => {
    problem.clear();
    stale.dismiss();
    save.mutate();
  });
  const level = tMaybe(levelKeys(placement.levelEdition, placement.levelCode).level) ?? placement.levelCode;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Until a conflict moves the version on: the stale notice then says what happened. */}
        {draft.restored !== null && stale.base.version === draft.restored.base?.version && <RestoredDraftNotice />}
        <Text size="sm">{t('placement.endIntro', { level })}</Text>
        <ProblemAlert message={problem.alert} />
        <TextInput
          label={t('placement.actualEnd')}
          type="date"
          min={placement.startDate}
          {...form.getInputProps('actualEndDate')}
          required
          data-autofocus
        />
        <StaleNotice
          stale={stale}
          labels={{ actualEndDate: t('placement.actualEnd') }}
          display={{ actualEndDate: (date) => (date === '' ? '' : format.date(date)) }}
        />
        <FormActions submit={t('placement.endSubmit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

interface EditPlacementValues {
  providerName: string;
  plannedEndDate: string;
  note: string;
}

const editValuesOf = (placement: Placement): EditPlacementValues => ({
  providerName: placement.providerName ?? '',
  plannedEndDate: placement.plannedEndDate ?? '',
  note: placement.note ?? '',
});

const editBodyOf = (v: EditPlacementValues) => ({
  providerName: orNull(v.providerName),
  plannedEndDate: v.plannedEndDate === '' ? null : v.plannedEndDate,
  note: orNull(v.note),
});

export function EditPlacementForm({ episode, placement, draftForm, onClose }: PlacementDialogProps) {
  const t = useT();
  const format = useFormat();
  const { tMaybe } = useTranslator();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<EditPlacementValues>(draftForm, (): Kept<EditPlacementValues> | null => ({
    values: form.getValues(),
    base: stale.base,
  }));
  const form = useForm<EditPlacementValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? editValuesOf(placement),
    validate: (v) => ({
      plannedEndDate: v.plannedEndDate !== '' && v.plannedEndDate < placement.startDate ? t('placement.plannedBeforeStart') : null,
    }),
  });
  // A restored draft sends only the user's changes, against the placement as first read.
  const stale = useStaleRecord(form, draft.restored?.base ?? { values: editValuesOf(placement), version: placement.version });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: async () => {
      const changes = changedFields(editBodyOf(form.getValues()), editBodyOf(stale.base.values));
      if (Object.keys(changes).length === 0) return null;
      return unwrap(
        api.PATCH('/api/placements/{id}', { params: { path: { id: placement.id } }, body: { ...changes, version: stale.base.version } }),
      );
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: async (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), stale.base)) return;
      try {
        const load = async () => {
          const latest = await loadPlacement(episode.id, placement.id);
          return { values: editValuesOf(latest), version: latest.version };
        };
        // The episode page shows the placement as it is now; the dialog keeps the user's edits on top.
        if (await stale.recover(error, load)) refresh();
        else problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });
  const submit = form.onSubmit(() => {
    problem.clear();
    stale.dismiss();
    save.mutate();
  });
  const level = tMaybe(levelKeys(placement.levelEdition, placement.levelCode).level) ?? placement.levelCode;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Until a conflict moves the version on: the stale notice then says what happened. */}
        {draft.restored !== null && stale.base.version === draft.restored.base?.version && <RestoredDraftNotice />}
        <Text size="sm">{t('placement.editIntro', { level })}</Text>
        <ProblemAlert message={problem.alert} />
        <TextInput
          label={t('placement.provider')}
          description={t('placement.providerDescription')}
          {...form.getInputProps('providerName')}
          data-autofocus
        />
        <TextInput label={t('placement.plannedEnd')} type="date" min={placement.startDate} {...form.getInputProps('plannedEndDate')} />
        <Textarea label={t('placement.note')} {...form.getInputProps('note')} autosize minRows={2} />
        <StaleNotice
          stale={stale}
          labels={{ providerName: t('placement.provider'), plannedEndDate: t('placement.plannedEnd'), note: t('placement.note') }}
          display={{ plannedEndDate: (date) => (date === '' ? '' : format.date(date)) }}
        />
        <FormActions submit={t('placement.editSubmit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
