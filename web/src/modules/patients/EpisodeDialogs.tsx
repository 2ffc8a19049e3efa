import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { closureReasons, episodePhases, type ClosureReason, type EpisodePhase } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useState } from 'react';
import { type CareTeamMember, type Episode, type Placement } from './patientQueries.ts';
import { useToday } from './useToday.ts';
import { EndMemberForm, HandoffForm, MemberForm } from './CareTeamDialogs.tsx';
import { keptAt, type Kept } from '../../components/forms/useKeptDraft.ts';
import { isStale, StaleAlert, useEpisodeDraft, useRefresh, type StaffChoice } from './episodeDialogParts.tsx';
import { EditPlacementForm, EndPlacementForm, PlacementForm } from './PlacementDialogs.tsx';

export type { StaffChoice } from './episodeDialogParts.tsx';

export type EpisodeDialog =
  | { kind: 'transition'; to: EpisodePhase }
  | { kind: 'placement' }
  | { kind: 'endPlacement'; placement: Placement }
  | { kind: 'editPlacement'; placement: Placement }
  | { kind: 'member' }
  | { kind: 'endMember'; member: CareTeamMember }
  | { kind: 'handoff' }
  | null;

/** Which kept draft (components/forms/drafts.ts) belongs to one of this episode's dialogs. */
function episodeDraftForm(episodeId: string, dialog: NonNullable<EpisodeDialog>): string {
  switch (dialog.kind) {
    case 'transition':
      return `episode:${episodeId}:transition:${dialog.to}`;
    case 'endPlacement':
    case 'editPlacement':
      return `episode:${episodeId}:${dialog.kind}:${dialog.placement.id}`;
    case 'endMember':
      return `episode:${episodeId}:endMember:${dialog.member.id}`;
    case 'placement':
    case 'member':
    case 'handoff':
      return `episode:${episodeId}:${dialog.kind}`;
  }
}

/** The dialog the user was typing in when their session ended, to open again after sign-in. */
export function restoredEpisodeDialog(userId: string, episode: Episode): EpisodeDialog {
  const candidates: NonNullable<EpisodeDialog>[] = [
    { kind: 'placement' },
    { kind: 'member' },
    { kind: 'handoff' },
    ...episodePhases.map((to) => ({ kind: 'transition' as const, to })),
    ...episode.placements.flatMap((placement) => [
      { kind: 'editPlacement' as const, placement },
      { kind: 'endPlacement' as const, placement },
    ]),
    ...episode.careTeam.map((member) => ({ kind: 'endMember' as const, member })),
  ];
  return candidates.find((dialog) => hasDraft(userId, episodeDraftForm(episode.id, dialog))) ?? null;
}

interface EpisodeDialogsProps {
  episode: Episode;
  dialog: EpisodeDialog;
  /** Staff the user may choose from, or null when they cannot read the staff list. */
  staff: StaffChoice[] | null;
  onClose: () => void;
}

export function EpisodeDialogs({ episode, dialog, staff, onClose }: EpisodeDialogsProps) {
  const t = useT();
  const title = (): string => {
    switch (dialog?.kind) {
      case 'transition':
        return dialog.to === 'closed' ? t('transition.closeTitle') : t('transition.title', { phase: t(`phase.${dialog.to}`) });
      case 'placement':
        return t('placement.addTitle');
      case 'endPlacement':
        return t('placement.endTitle');
      case 'editPlacement':
        return t('placement.editTitle');
      case 'member':
        return t('careTeam.addTitle');
      case 'endMember':
        return t('careTeam.endTitle', { name: dialog.member.name });
      case 'handoff':
        return t('handoff.title');
      case undefined:
        return '';
    }
  };
  const draftForm = dialog === null ? '' : episodeDraftForm(episode.id, dialog);
  return (
    <Dialog opened={dialog !== null} onClose={onClose} title={title()} size="lg" closeOnClickOutside={false}>
      {dialog?.kind === 'transition' && <TransitionForm episode={episode} to={dialog.to} draftForm={draftForm} onClose={onClose} />}
      {dialog?.kind === 'placement' && <PlacementForm episode={episode} draftForm={draftForm} onClose={onClose} />}
      {dialog?.kind === 'endPlacement' && (
        <EndPlacementForm episode={episode} placement={dialog.placement} draftForm={draftForm} onClose={onClose} />
      )}
      {dialog?.kind === 'editPlacement' && (
        <EditPlacementForm episode={episode} placement={dialog.placement} draftForm={draftForm} onClose={onClose} />
      )}
      {dialog?.kind === 'member' && <MemberForm episode={episode} staff={staff} draftForm={draftForm} onClose={onClose} />}
      {dialog?.kind === 'endMember' && <EndMemberForm member={dialog.member} draftForm={draftForm} onClose={onClose} />}
      {dialog?.kind === 'handoff' && <HandoffForm episode={episode} staff={staff} draftForm={draftForm} onClose={onClose} />}
    </Dialog>
  );
}

interface TransitionValues {
  on: string;
  note: string;
  closureReason: ClosureReason | null;
}

function TransitionForm({
  episode,
  to,
  draftForm,
  onClose,
}: {
  episode: Episode;
  to: EpisodePhase;
  draftForm: string;
  onClose: () => void;
}) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<TransitionValues>(draftForm, (): Kept<TransitionValues> | null => keptAt(form.getValues(), version));
  // Back after sign-in, the move goes against the episode as first read (a change made meanwhile
  // is a 409); after that conflict, against the episode as the page now shows it.
  const [firstRead, setFirstRead] = useState(draft.restored?.base?.version ?? null);
  const version = firstRead ?? episode.version;
  const form = useForm<TransitionValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { on: today, note: '', closureReason: null },
    validate: (v) => ({
      on: v.on === '' ? t('transition.dateRequired') : null,
      closureReason: to === 'closed' && v.closureReason === null ? t('transition.closureReasonRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () => {
      const values = form.getValues();
      return unwrap(
        api.POST('/api/episodes/{id}/transitions', {
          params: { path: { id: episode.id } },
          body: {
            to,
            on: values.on,
            version,
            ...(values.note.trim() !== '' ? { note: values.note.trim() } : {}),
            ...(to === 'closed' && values.closureReason !== null ? { closureReason: values.closureReason } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
    // A stale version or a move no longer allowed: show the episode as it is now (the next try
    // sends its new version; what the user typed stays).
    onError: (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), { values: form.getValues(), version })) return;
      if (error instanceof ApiError && error.status === 409) {
        setFirstRead(null);
        refresh();
      }
      if (!isStale(error)) problem.show(error);
    },
  });
  const stale = isStale(save.error);
  const submit = form.onSubmit(() => {
    problem.clear();
    save.mutate();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">
          {to === 'closed'
            ? t('transition.closeIntro')
            : t('transition.intro', { from: t(`phase.${episode.phase}`), to: t(`phase.${to}`) })}
        </Text>
        <StaleAlert show={stale} />
        <ProblemAlert message={problem.alert} />
        <TextInput
          label={to === 'closed' ? t('transition.closedOn') : t('transition.on')}
          type="date"
          max={today}
          {...form.getInputProps('on')}
          required
          data-autofocus
        />
        {to === 'closed' && (
          <Select<ClosureReason>
            label={t('transition.closureReason')}
            data={closureReasons.map((code) => ({ value: code, label: t(`closureReason.${code}`) }))}
            {...form.getInputProps('closureReason')}
            required
          />
        )}
        <Textarea
          label={t('transition.note')}
          description={t('transition.noteDescription')}
          {...form.getInputProps('note')}
          autosize
          minRows={2}
        />
        <FormActions
          submit={to === 'closed' ? t('transition.closeSubmit') : t('transition.submit', { phase: t(`phase.${to}`) })}
          busy={save.isPending}
          onCancel={onClose}
          destructive={to === 'closed'}
        />
      </Stack>
    </form>
  );
}
