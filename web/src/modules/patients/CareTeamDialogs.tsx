import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { careTeamRoles, type CareTeamRole } from '../../api/codes.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import type { Kept } from '../../components/forms/useKeptDraft.ts';
import { useEpisodeDraft, useRefresh, type StaffChoice } from './episodeDialogParts.tsx';
import { type CareTeamMember, type Episode } from './patientQueries.ts';
import { useToday } from './useToday.ts';

const memberRoles = careTeamRoles.filter((role) => role !== 'primary-case-manager');

/** Shaped like the request, so the server's `/external/name` lands on its input. */
interface MemberValues {
  kind: 'external' | 'staff';
  role: CareTeamRole | null;
  userId: string | null;
  external: { name: string; organization: string; phone: string };
  startedOn: string;
}

const text = (error: ReactNode): string | undefined => (typeof error === 'string' ? error : undefined);

interface EpisodeFormProps {
  episode: Episode;
  staff: StaffChoice[] | null;
  draftForm: string;
  onClose: () => void;
}

export function MemberForm({ episode, staff, draftForm, onClose }: EpisodeFormProps) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<MemberValues>(draftForm, (): Kept<MemberValues> | null => ({ values: form.getValues(), base: null }));
  const form = useForm<MemberValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? {
      kind: 'external',
      role: null,
      userId: null,
      external: { name: '', organization: '', phone: '' },
      startedOn: today < episode.openedOn ? episode.openedOn : today,
    },
    validate: (v) => ({
      role: v.role === null ? t('careTeam.roleRequired') : null,
      'external.name': v.kind === 'external' && v.external.name.trim() === '' ? t('careTeam.nameRequired') : null,
      userId: v.kind === 'staff' && v.userId === null ? t('careTeam.staffRequired') : null,
      startedOn: v.startedOn === '' ? t('careTeam.startRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const { values } = form;
  const staffChoices = (staff ?? []).filter(
    (choice) => !episode.careTeam.some((member) => member.userId === choice.id && member.endedOn === null && member.role === values.role),
  );
  const save = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      if (v.role === null) throw new Error('checked before sending');
      const orUndefined = (input: string) => (input.trim() === '' ? undefined : input.trim());
      return unwrap(
        api.POST('/api/episodes/{id}/care-team', {
          params: { path: { id: episode.id } },
          body: {
            role: v.role,
            startedOn: v.startedOn,
            ...(v.kind === 'staff'
              ? { userId: v.userId ?? '' }
              : {
                  external: {
                    name: v.external.name.trim(),
                    organization: orUndefined(v.external.organization),
                    phone: orUndefined(v.external.phone),
                  },
                }),
          },
        }),
      );
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
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
              onChange={(next) => form.setFieldValue('kind', next === 'staff' ? 'staff' : 'external')}
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
          {...form.getInputProps('role')}
          required
          data-autofocus
        />
        {values.kind === 'staff' ? (
          <Select
            label={t('careTeam.staffMember')}
            data={staffChoices.map((choice) => ({ value: choice.id, label: choice.name }))}
            {...form.getInputProps('userId')}
            searchable
            required
            nothingFoundMessage={t('openEpisode.noStaffMatches')}
          />
        ) : (
          <>
            <TextInput
              label={t('careTeam.name')}
              {...form.getInputProps('external.name')}
              error={text(form.errors['external.name']) ?? text(form.errors.external)}
              required
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('careTeam.organization')}
                description={t('careTeam.organizationDescription')}
                {...form.getInputProps('external.organization')}
              />
              <TextInput label={t('careTeam.phone')} type="tel" {...form.getInputProps('external.phone')} />
            </SimpleGrid>
          </>
        )}
        <TextInput label={t('careTeam.startedOn')} type="date" min={episode.openedOn} {...form.getInputProps('startedOn')} required />
        <FormActions submit={t('careTeam.addSubmit')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function EndMemberForm({ member, draftForm, onClose }: { member: CareTeamMember; draftForm: string; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const refresh = useRefresh();
  const draft = useEpisodeDraft<{ endedOn: string }>(draftForm, (): Kept<{ endedOn: string }> | null => ({
    values: form.getValues(),
    base: null,
  }));
  const form = useForm<{ endedOn: string }>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { endedOn: today < member.startedOn ? member.startedOn : today },
    validate: (v) => ({ endedOn: v.endedOn === '' ? t('careTeam.endRequired') : null }),
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/care-team-members/{id}/ending', {
          params: { path: { id: member.id } },
          body: { endedOn: form.getValues().endedOn },
        }),
      ),
    onSuccess: () => {
      refresh();
      onClose();
    },
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
        <Text size="sm">{t('careTeam.endIntro', { name: member.name, role: t(`careTeamRole.${member.role}`) })}</Text>
        <ProblemAlert message={problem.alert} />
        <TextInput
          label={t('careTeam.endedOn')}
          type="date"
          min={member.startedOn}
          {...form.getInputProps('endedOn')}
          required
          data-autofocus
        />
        <FormActions submit={t('careTeam.endSubmit')} busy={save.isPending} onCancel={onClose} destructive />
      </Stack>
    </form>
  );
}

interface HandoffValues {
  toUserId: string | null;
  on: string;
  note: string;
}

export function HandoffForm({ episode, staff, draftForm, onClose }: EpisodeFormProps) {
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
  const draft = useEpisodeDraft<HandoffValues>(draftForm, (): Kept<HandoffValues> | null => ({ values: form.getValues(), base: null }));
  const form = useForm<HandoffValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? { toUserId: null, on: today, note: '' },
    validate: (v) => ({
      toUserId: v.toUserId === null ? t('handoff.toRequired') : null,
      on: v.on === '' ? t('handoff.dateRequired') : null,
      note: v.note.trim() === '' ? t('handoff.noteRequired') : null,
    }),
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return unwrap(
        api.POST('/api/episodes/{id}/handoffs', {
          params: { path: { id: episode.id } },
          body: { toUserId: v.toUserId ?? '', on: v.on, note: v.note.trim() },
        }),
      );
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, form.getValues())) problem.show(error);
    },
  });
  const submit = form.onSubmit(() => {
    problem.clear();
    save.mutate();
  });
  let explain: ReactNode = t(staff === null ? 'handoff.introTeam' : 'handoff.intro', { name: current?.name ?? t('patient.noPrimary') });
  if (choices.length === 0) explain = t('handoff.nobody');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{explain}</Text>
        <ProblemAlert message={problem.alert} />
        <Select
          label={t('handoff.to')}
          data={choices.map((choice) => ({
            value: choice.id,
            label: choice.id === session.user.id ? t('openEpisode.me', { name: choice.name }) : choice.name,
          }))}
          {...form.getInputProps('toUserId')}
          required
          searchable
          disabled={choices.length === 0}
          data-autofocus
        />
        <TextInput label={t('handoff.on')} type="date" {...form.getInputProps('on')} required />
        <Textarea
          label={t('handoff.note')}
          description={t('handoff.noteDescription')}
          {...form.getInputProps('note')}
          required
          autosize
          minRows={3}
        />
        <FormActions submit={t('handoff.submit')} busy={save.isPending} onCancel={onClose} disabled={choices.length === 0} />
      </Stack>
    </form>
  );
}
