import { Button, Group, MultiSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PatientView } from '../../app/webModule.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { RESTRICTION_REASONS, type RestrictionReason } from '../../../../src/modules/restrictions/codes.ts';
import { patientsKey, useStaffPicker } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';

type Restriction = NonNullable<PatientView['restriction']['patient']>;

/**
 * The chart's restriction (docs/restrictions.md): a clear badge for everyone who still sees a
 * restricted record, who restricted it and who else is allowed or excluded; a supervisor
 * restricts, changes or lifts it here.
 */
export function RestrictionPanel({ patient }: { patient: PatientView }) {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const supervisor = session.user.roles.includes('supervisor');
  const [editing, setEditing] = useState(false);
  const [lifting, setLifting] = useState(false);
  const queryClient = useQueryClient();
  const current = patient.restriction.patient;
  const episodes = patient.restriction.episodes;
  const programOf = (episodeId: string | null) => patient.episodes.find((episode) => episode.id === episodeId)?.programName ?? '';
  const lift = useMutation({
    mutationFn: async () =>
      current &&
      unwrap(
        api.POST('/api/patients/{id}/restriction/lifting', { params: { path: { id: patient.id } }, body: { version: current.version } }),
      ),
    onSuccess: async () => {
      setLifting(false);
      await queryClient.invalidateQueries({ queryKey: patientsKey });
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
            {current && <StatusBadge color="red">{t('restriction.badge')}</StatusBadge>}
            {episodes.map((episode) => (
              <StatusBadge key={episode.id} color="orange">
                {t('restriction.episodeBadge', { program: programOf(episode.episodeId) })}
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
          <Text size="sm">{t('restriction.none')}</Text>
        )}
      </Stack>
      {editing && <RestrictionDialog patientId={patient.id} current={current} onClose={() => setEditing(false)} />}
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

function RestrictionDialog({ patientId, current, onClose }: { patientId: string; current: Restriction | null; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const session = useSession();
  const queryClient = useQueryClient();
  const staff = useStaffPicker(true);
  const [reason, setReason] = useState<RestrictionReason>(current?.reason ?? 'staff-relative');
  const [allowed, setAllowed] = useState<string[]>(current?.allowed.map((p) => p.id).filter((id) => id !== session.user.id) ?? []);
  const [excluded, setExcluded] = useState<string[]>(current?.excluded.map((p) => p.id) ?? []);
  const options = (staff.data ?? [])
    .filter((user) => user.id !== session.user.id)
    .map((user) => ({ value: user.id, label: user.displayName }));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/patients/{id}/restriction', {
          params: { path: { id: patientId } },
          body: { reason, allowedUserIds: allowed, excludedUserIds: excluded, ...(current ? { version: current.version } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: patientsKey });
      onClose();
    },
  });
  return (
    <Dialog opened onClose={onClose} title={t('restriction.dialog.title')}>
      <Stack gap="md">
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
