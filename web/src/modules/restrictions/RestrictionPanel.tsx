import { Button, Group, MultiSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { RESTRICTION_REASONS, type RestrictionReason } from '../../../../src/modules/restrictions/codes.ts';
import { episodesKey, patientsKey, useStaffPicker } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';

type Restriction = NonNullable<PatientView['restriction']['patient']>;

/** The restricted record: a patient, or one episode. */
type Target = { scope: 'patient'; id: string } | { scope: 'episode'; id: string };

async function liftRestriction(target: Target, version: number) {
  const options = { params: { path: { id: target.id } }, body: { version } };
  return target.scope === 'patient'
    ? unwrap(api.POST('/api/patients/{id}/restriction/lifting', options))
    : unwrap(api.POST('/api/episodes/{id}/restriction/lifting', options));
}

/** On the episode screen: the episode's own restriction. */
export function EpisodeRestrictionPanel({ episode }: { episode: EpisodeView }) {
  return <RestrictionPanel target={{ scope: 'episode', id: episode.id }} current={episode.restriction ?? null} episodes={[]} />;
}

/** On the patient overview: the patient's restriction, and badges for its restricted episodes. */
export function PatientRestrictionPanel({ patient }: { patient: PatientView }) {
  const programOf = (episodeId: string | null) => patient.episodes.find((episode) => episode.id === episodeId)?.programName ?? '';
  return (
    <RestrictionPanel
      target={{ scope: 'patient', id: patient.id }}
      current={patient.restriction.patient}
      episodes={patient.restriction.episodes.map((episode) => ({ id: episode.id, program: programOf(episode.episodeId) }))}
    />
  );
}

/** Which kept draft (components/forms/drafts.ts) is a restriction being set on this record. */
const restrictionDraftForm = (target: Target) => `restriction:${target.scope}:${target.id}`;

interface RestrictionValues {
  reason: RestrictionReason;
  allowed: string[];
  excluded: string[];
}

/**
 * A restriction (docs/restrictions.md): a clear badge for everyone who still sees a restricted
 * record, who restricted it and who else is allowed or excluded; a supervisor restricts,
 * changes or lifts it here.
 */
function RestrictionPanel({
  target,
  current,
  episodes,
}: {
  target: Target;
  current: Restriction | null;
  episodes: { id: string; program: string }[];
}) {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const supervisor = session.user.roles.includes('supervisor');
  // Back after the session ended while choosing: the dialog opens again with the choices made.
  const [editing, setEditing] = useState(() => supervisor && hasDraft(session.user.id, restrictionDraftForm(target)));
  const [lifting, setLifting] = useState(false);
  const queryClient = useQueryClient();
  const lift = useMutation({
    mutationFn: async () => current && liftRestriction(target, current.version),
    onSuccess: async () => {
      setLifting(false);
      await queryClient.invalidateQueries({ queryKey: target.scope === 'patient' ? patientsKey : episodesKey });
    },
  });
  if (!current && episodes.length === 0 && !supervisor) return null;
  const names = (people: Restriction['allowed']) => (people.length === 0 ? t('restriction.nobody') : people.map((p) => p.name).join(', '));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="restriction-heading">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} fz="lg" id="restriction-heading">
              {t('restriction.title')}
            </Title>
            {current && (
              <StatusBadge color="red">{target.scope === 'patient' ? t('restriction.badge') : t('restriction.episodeOnly')}</StatusBadge>
            )}
            {episodes.map((episode) => (
              <StatusBadge key={episode.id} color="orange">
                {t('restriction.episodeBadge', { program: episode.program })}
              </StatusBadge>
            ))}
          </Group>
          {supervisor && (
            <Group gap="xs">
              <Button variant="default" size="compact-md" onClick={() => setEditing(true)}>
                {current ? t('restriction.change') : t('restriction.restrict')}
              </Button>
              {current && (
                <Button variant="default" size="compact-md" onClick={() => setLifting(true)}>
                  {t('restriction.lift')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {current ? (
          <>
            <Text size="sm">{t('restriction.explain')}</Text>
            <Text size="sm">
              {`${t('restriction.reason')}: ${t(`restrictionReason.${current.reason}`)} · ${t('restriction.by', {
                name: current.restrictedBy.name,
                date: format.date(current.restrictedAt.slice(0, 10)),
              })}`}
            </Text>
            <Text size="sm">{`${t('restriction.allowed')}: ${names(current.allowed)}`}</Text>
            <Text size="sm">{`${t('restriction.excluded')}: ${names(current.excluded)}`}</Text>
          </>
        ) : (
          <Text size="sm">{target.scope === 'patient' ? t('restriction.none') : t('restriction.episodeNone')}</Text>
        )}
      </Stack>
      {editing && <RestrictionDialog target={target} current={current} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={lifting}
        title={t('restriction.lift.confirm')}
        confirmLabel={t('restriction.lift.confirm')}
        busy={lift.isPending}
        error={lift.error}
        onConfirm={() => lift.mutate()}
        onClose={() => setLifting(false)}
      >
        {t('restriction.lift.text')}
      </ConfirmDialog>
    </Paper>
  );
}

function RestrictionDialog({ target, current, onClose }: { target: Target; current: Restriction | null; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const session = useSession();
  const queryClient = useQueryClient();
  const staff = useStaffPicker(true);
  const draft = useKeptDraft<RestrictionValues>(session.user.id, restrictionDraftForm(target));
  const kept = draft.restored?.values;
  // A restored change goes against the restriction as first read: one changed meanwhile is a 409.
  const version = draft.restored ? draft.restored.base?.version : current?.version;
  const [reason, setReason] = useState<RestrictionReason>(kept?.reason ?? current?.reason ?? 'staff-relative');
  const [allowed, setAllowed] = useState<string[]>(
    kept?.allowed ?? current?.allowed.map((p) => p.id).filter((id) => id !== session.user.id) ?? [],
  );
  const [excluded, setExcluded] = useState<string[]>(kept?.excluded ?? current?.excluded.map((p) => p.id) ?? []);
  const options = (staff.data ?? [])
    .filter((user) => user.id !== session.user.id)
    .map((user) => ({ value: user.id, label: user.displayName }));
  const save = useMutation({
    mutationFn: () => {
      const body = { reason, allowedUserIds: allowed, excludedUserIds: excluded, ...(version !== undefined ? { version } : {}) };
      const params = { path: { id: target.id } };
      return target.scope === 'patient'
        ? unwrap(api.PUT('/api/patients/{id}/restriction', { params, body }))
        : unwrap(api.PUT('/api/episodes/{id}/restriction', { params, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: target.scope === 'patient' ? patientsKey : episodesKey });
      onClose();
    },
    onError: (error) => {
      const values = { reason, allowed, excluded };
      draft.keepIfSignedOut(error, values, version === undefined ? null : { values, version });
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={target.scope === 'patient' ? t('restriction.dialog.title') : t('restriction.dialog.episodeTitle')}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('restriction.explain')}</Text>
        <Select
          label={t('restriction.reason')}
          data={RESTRICTION_REASONS.map((value) => ({ value, label: t(`restrictionReason.${value}`) }))}
          value={reason}
          onChange={(value) => value && setReason(value)}
          allowDeselect={false}
          required
        />
        <MultiSelect
          label={t('restriction.allowed')}
          description={t('restriction.allowed.help')}
          data={options.filter((option) => !excluded.includes(option.value))}
          value={allowed}
          onChange={setAllowed}
          searchable
          disabled={staff.isPending}
        />
        <MultiSelect
          label={t('restriction.excluded')}
          description={t('restriction.excluded.help')}
          data={options.filter((option) => !allowed.includes(option.value))}
          value={excluded}
          onChange={setExcluded}
          searchable
          disabled={staff.isPending}
        />
        <ProblemAlert message={save.error ? describe(save.error) : null} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('restriction.dialog.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
