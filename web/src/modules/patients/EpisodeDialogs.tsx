import { Alert, Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import {
  careTeamRoles,
  closureReasons,
  levelEditions,
  levelsOfCare,
  type CareTeamRole,
  type ClosureReason,
  type EpisodePhase,
  type LevelEdition,
} from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { levelKeys } from './patientHelpers.ts';
import { caseloadKey, episodesKey, patientsKey, type CareTeamMember, type Episode, type Placement } from './patientQueries.ts';
import { useToday } from './useToday.ts';

export type EpisodeDialog =
  | { kind: 'transition'; to: EpisodePhase }
  | { kind: 'placement' }
  | { kind: 'endPlacement'; placement: Placement }
  | { kind: 'editPlacement'; placement: Placement }
  | { kind: 'member' }
  | { kind: 'endMember'; member: CareTeamMember }
  | { kind: 'handoff' }
  | null;

/** Someone to choose for a staff role: from the staff list (supervisors), else the team's own staff. */
export interface StaffChoice {
  id: string;
  name: string;
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

/** After any change to an episode: the episode, the patient's overview and the caseload are out of date. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: episodesKey });
    void queryClient.invalidateQueries({ queryKey: patientsKey });
    void queryClient.invalidateQueries({ queryKey: caseloadKey });
  };
}

function Buttons({
  busy,
  submit,
  onClose,
  destructive = false,
}: {
  busy: boolean;
  submit: string;
  onClose: () => void;
  destructive?: boolean;
}) {
  const t = useT();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onClose} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={destructive ? 'red' : undefined}>
        {submit}
      </Button>
    </Group>
  );
}

function StaleAlert({ show }: { show: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
      {t('episode.staleReloaded')}
    </Alert>
  );
}

function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'stale-version';
}

// Moving along the continuum -------------------------------------------------------------------

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

function PlacementForm({ episode, onClose }: { episode: Episode; onClose: () => void }) {
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
  // An overlapping placement is a conflict about the dates: say so at the start date.
  const overlap = save.error instanceof ApiError && save.error.status === 409 && (save.error.problem.errors ?? []).length === 0;
  if (overlap) {
    server.fieldErrors.startDate = t('placement.overlap');
    server.alert = null;
  }
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

function EndPlacementForm({ placement, onClose }: { placement: Placement; onClose: () => void }) {
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

function EditPlacementForm({ placement, onClose }: { placement: Placement; onClose: () => void }) {
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

const memberFields = ['role', 'startedOn', 'userId', 'external'] as const;
const memberRoles = careTeamRoles.filter((role) => role !== 'primary-case-manager');

interface MemberValues extends Record<string, unknown> {
  kind: 'external' | 'staff';
  role: CareTeamRole | null;
  userId: string | null;
  name: string;
  organization: string;
  phone: string;
  startedOn: string;
}

function MemberForm({ episode, staff, onClose }: { episode: Episode; staff: StaffChoice[] | null; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const form = useForm<MemberValues>({
    kind: 'external',
    role: null,
    userId: null,
    name: '',
    organization: '',
    phone: '',
    startedOn: today < episode.openedOn ? episode.openedOn : today,
  });
  const { values } = form;
  const staffChoices = (staff ?? []).filter(
    (choice) => !episode.careTeam.some((member) => member.userId === choice.id && member.endedOn === null && member.role === values.role),
  );
  const save = useMutation({
    mutationFn: () => {
      if (values.role === null) throw new Error('checked before sending');
      const orUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());
      return unwrap(
        api.POST('/api/episodes/{id}/care-team', {
          params: { path: { id: episode.id } },
          body: {
            role: values.role,
            startedOn: values.startedOn,
            ...(values.kind === 'staff'
              ? { userId: values.userId ?? '' }
              : {
                  external: { name: values.name.trim(), organization: orUndefined(values.organization), phone: orUndefined(values.phone) },
                }),
          },
        }),
      );
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const server = useServerErrors(save.error, memberFields);
  const externalError = (field: string): string | undefined => {
    if (!(save.error instanceof ApiError)) return undefined;
    return save.error.problem.errors?.find((error) => error.path === `/external/${field}`)?.message;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        role: v.role === null ? t('careTeam.roleRequired') : undefined,
        name: v.kind === 'external' && v.name.trim() === '' ? t('careTeam.nameRequired') : undefined,
        userId: v.kind === 'staff' && v.userId === null ? t('careTeam.staffRequired') : undefined,
        startedOn: v.startedOn === '' ? t('careTeam.startRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ProblemAlert message={server.alert} />
        {staff !== null ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="member-kind-label">
              {t('careTeam.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="member-kind-label"
              data={[
                { value: 'external', label: t('careTeam.kind.external') },
                { value: 'staff', label: t('careTeam.kind.staff') },
              ]}
              value={values.kind}
              onChange={(next) => form.set('kind', next === 'staff' ? 'staff' : 'external')}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('careTeam.externalOnly')}
          </Text>
        )}
        <Select<CareTeamRole>
          label={t('careTeam.role')}
          description={t('careTeam.roleDescription')}
          data={memberRoles.map((code) => ({ value: code, label: t(`careTeamRole.${code}`) }))}
          value={values.role}
          onChange={(next) => form.set('role', next)}
          error={form.errorFor('role', server.fieldErrors)}
          required
          data-autofocus
        />
        {values.kind === 'staff' ? (
          <Select
            label={t('careTeam.staffMember')}
            data={staffChoices.map((choice) => ({ value: choice.id, label: choice.name }))}
            value={values.userId}
            onChange={(next) => form.set('userId', next)}
            error={form.errorFor('userId', server.fieldErrors)}
            searchable
            required
            nothingFoundMessage={t('openEpisode.noStaffMatches')}
          />
        ) : (
          <>
            <TextInput
              label={t('careTeam.name')}
              value={values.name}
              onChange={(event) => form.set('name', event.currentTarget.value)}
              error={form.errorFor('name', { name: externalError('name') ?? server.fieldErrors.external })}
              required
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('careTeam.organization')}
                description={t('careTeam.organizationDescription')}
                value={values.organization}
                onChange={(event) => form.set('organization', event.currentTarget.value)}
                error={form.errorFor('organization', { organization: externalError('organization') })}
              />
              <TextInput
                label={t('careTeam.phone')}
                type="tel"
                value={values.phone}
                onChange={(event) => form.set('phone', event.currentTarget.value)}
                error={form.errorFor('phone', { phone: externalError('phone') })}
              />
            </SimpleGrid>
          </>
        )}
        <TextInput
          label={t('careTeam.startedOn')}
          type="date"
          min={episode.openedOn}
          value={values.startedOn}
          onChange={(event) => form.set('startedOn', event.currentTarget.value)}
          error={form.errorFor('startedOn', server.fieldErrors)}
          required
        />
        <Buttons busy={save.isPending} submit={t('careTeam.addSubmit')} onClose={onClose} />
      </Stack>
    </form>
  );
}

function EndMemberForm({ member, onClose }: { member: CareTeamMember; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const form = useForm<{ endedOn: string }>({ endedOn: today < member.startedOn ? member.startedOn : today });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/care-team-members/{id}/ending', { params: { path: { id: member.id } }, body: { endedOn: form.values.endedOn } }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const server = useServerErrors(save.error, ['endedOn'] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate((v) => ({ endedOn: v.endedOn === '' ? t('careTeam.endRequired') : undefined }), form.values);
    if (ok) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('careTeam.endIntro', { name: member.name, role: t(`careTeamRole.${member.role}`) })}</Text>
        <ProblemAlert message={server.alert} />
        <TextInput
          label={t('careTeam.endedOn')}
          type="date"
          min={member.startedOn}
          value={form.values.endedOn}
          onChange={(event) => form.set('endedOn', event.currentTarget.value)}
          error={form.errorFor('endedOn', server.fieldErrors)}
          required
          data-autofocus
        />
        <Buttons busy={save.isPending} submit={t('careTeam.endSubmit')} onClose={onClose} destructive />
      </Stack>
    </form>
  );
}

const handoffFields = ['toUserId', 'on', 'note'] as const;

function HandoffForm({ episode, staff, onClose }: { episode: Episode; staff: StaffChoice[] | null; onClose: () => void }) {
  const t = useT();
  const session = useSession();
  const today = useToday();
  const refresh = useRefresh();
  const current = episode.careTeam.find((member) => member.role === 'primary-case-manager' && member.endedOn === null);
  // Without the staff list, the new primary case manager is someone already on the team.
  const teamStaff: StaffChoice[] = [];
  for (const member of episode.careTeam) {
    if (member.userId !== null && member.endedOn === null && !teamStaff.some((choice) => choice.id === member.userId)) {
      teamStaff.push({ id: member.userId, name: member.name });
    }
  }
  const choices = (staff ?? teamStaff).filter((choice) => choice.id !== current?.userId);
  const form = useForm<{ toUserId: string | null; on: string; note: string }>({ toUserId: null, on: today, note: '' });
  const { values } = form;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/episodes/{id}/handoffs', {
          params: { path: { id: episode.id } },
          body: { toUserId: values.toUserId ?? '', on: values.on, note: values.note.trim() },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const server = useServerErrors(save.error, handoffFields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.validate(
      (v) => ({
        toUserId: v.toUserId === null ? t('handoff.toRequired') : undefined,
        on: v.on === '' ? t('handoff.dateRequired') : undefined,
        note: v.note.trim() === '' ? t('handoff.noteRequired') : undefined,
      }),
      values,
    );
    if (ok) save.mutate();
  };
  let explain: ReactNode = t(staff === null ? 'handoff.introTeam' : 'handoff.intro', { name: current?.name ?? t('patient.noPrimary') });
  if (choices.length === 0) explain = t('handoff.nobody');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{explain}</Text>
        <ProblemAlert message={server.alert} />
        <Select
          label={t('handoff.to')}
          data={choices.map((choice) => ({
            value: choice.id,
            label: choice.id === session.user.id ? t('openEpisode.me', { name: choice.name }) : choice.name,
          }))}
          value={values.toUserId}
          onChange={(next) => form.set('toUserId', next)}
          error={form.errorFor('toUserId', server.fieldErrors)}
          required
          searchable
          disabled={choices.length === 0}
          data-autofocus
        />
        <TextInput
          label={t('handoff.on')}
          type="date"
          value={values.on}
          onChange={(event) => form.set('on', event.currentTarget.value)}
          error={form.errorFor('on', server.fieldErrors)}
          required
        />
        <Textarea
          label={t('handoff.note')}
          description={t('handoff.noteDescription')}
          value={values.note}
          onChange={(event) => form.set('note', event.currentTarget.value)}
          error={form.errorFor('note', server.fieldErrors)}
          required
          autosize
          minRows={3}
        />
        <Buttons busy={save.isPending} submit={t('handoff.submit')} onClose={onClose} />
      </Stack>
    </form>
  );
}
