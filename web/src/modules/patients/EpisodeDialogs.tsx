import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { closureReasons, type ClosureReason, type EpisodePhase } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { type CareTeamMember, type Episode, type Placement } from './patientQueries.ts';
import { useToday } from './useToday.ts';
import { EndMemberForm, HandoffForm, MemberForm } from './CareTeamDialogs.tsx';
import { Buttons, isStale, StaleAlert, useRefresh, type StaffChoice } from './episodeDialogParts.tsx';
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
  return (
    <Dialog opened={dialog !== null} onClose={onClose} title={title()} size="lg" closeOnClickOutside={false}>
      {dialog?.kind === 'transition' && <TransitionForm episode={episode} to={dialog.to} onClose={onClose} />}
      {dialog?.kind === 'placement' && <PlacementForm episode={episode} onClose={onClose} />}
      {dialog?.kind === 'endPlacement' && <EndPlacementForm placement={dialog.placement} onClose={onClose} />}
      {dialog?.kind === 'editPlacement' && <EditPlacementForm placement={dialog.placement} onClose={onClose} />}
      {dialog?.kind === 'member' && <MemberForm episode={episode} staff={staff} onClose={onClose} />}
      {dialog?.kind === 'endMember' && <EndMemberForm member={dialog.member} onClose={onClose} />}
      {dialog?.kind === 'handoff' && <HandoffForm episode={episode} staff={staff} onClose={onClose} />}
    </Dialog>
  );
}

const transitionFields = ['on', 'note', 'closureReason'] as const;

function TransitionForm({ episode, to, onClose }: { episode: Episode; to: EpisodePhase; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const form = useForm<{ on: string; note: string; closureReason: ClosureReason | null }>({ on: today, note: '', closureReason: null });
  const { values } = form;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/episodes/{id}/transitions', {
          params: { path: { id: episode.id } },
          body: {
            to,
            on: values.on,
            version: episode.version,
            ...(values.note.trim() !== '' ? { note: values.note.trim() } : {}),
            ...(to === 'closed' && values.closureReason !== null ? { closureReason: values.closureReason } : {}),
          },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
    // A stale version or a move no longer allowed: show the episode as it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) refresh();
    },
  });
  const stale = isStale(save.error);
  const server = useServerErrors(stale ? null : save.error, transitionFields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        on: v.on === '' ? t('transition.dateRequired') : undefined,
        closureReason: to === 'closed' && v.closureReason === null ? t('transition.closureReasonRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {to === 'closed'
            ? t('transition.closeIntro')
            : t('transition.intro', { from: t(`phase.${episode.phase}`), to: t(`phase.${to}`) })}
        </Text>
        <StaleAlert show={stale} />
        <ProblemAlert message={server.alert} />
        <TextInput
          label={to === 'closed' ? t('transition.closedOn') : t('transition.on')}
          type="date"
          max={today}
          value={values.on}
          onChange={(event) => form.set('on', event.currentTarget.value)}
          error={form.errorFor('on', server.fieldErrors)}
          required
          data-autofocus
        />
        {to === 'closed' && (
          <Select<ClosureReason>
            label={t('transition.closureReason')}
            data={closureReasons.map((code) => ({ value: code, label: t(`closureReason.${code}`) }))}
            value={values.closureReason}
            onChange={(next) => form.set('closureReason', next)}
            error={form.errorFor('closureReason', server.fieldErrors)}
            required
          />
        )}
        <Textarea
          label={t('transition.note')}
          description={t('transition.noteDescription')}
          value={values.note}
          onChange={(event) => form.set('note', event.currentTarget.value)}
          error={form.errorFor('note', server.fieldErrors)}
          autosize
          minRows={2}
        />
        <Buttons
          busy={save.isPending}
          submit={to === 'closed' ? t('transition.closeSubmit') : t('transition.submit', { phase: t(`phase.${to}`) })}
          onClose={onClose}
          destructive={to === 'closed'}
        />
      </Stack>
    </form>
  );
}

// Levels of care -------------------------------------------------------------------------------
