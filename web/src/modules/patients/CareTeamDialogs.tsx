import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { careTeamRoles, type CareTeamRole } from '../../api/codes.ts';
import { ApiError } from '../../api/problem.ts';
import { ProblemAlert, useFieldProblemText, useServerErrors } from '../../components/problems.tsx';
import { useForm } from '../../components/useForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { type CareTeamMember, type Episode } from './patientQueries.ts';
import { useToday } from './useToday.ts';
import { Buttons, useRefresh, type StaffChoice } from './episodeDialogParts.tsx';

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

export function MemberForm({ episode, staff, onClose }: { episode: Episode; staff: StaffChoice[] | null; onClose: () => void }) {
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
  const describeField = useFieldProblemText();
  const externalError = (field: string): string | undefined => {
    if (!(save.error instanceof ApiError)) return undefined;
    const found = save.error.problem.errors?.find((error) => error.path === `/external/${field}`);
    return found === undefined ? undefined : describeField(found);
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

export function EndMemberForm({ member, onClose }: { member: CareTeamMember; onClose: () => void }) {
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

export function HandoffForm({ episode, staff, onClose }: { episode: Episode; staff: StaffChoice[] | null; onClose: () => void }) {
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
