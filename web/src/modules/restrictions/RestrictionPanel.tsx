import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { LazyPart } from '../../components/LoadBoundary.tsx';
import { api, unwrap } from '../../api/client.ts';
import type { EpisodeView, PatientView } from '../../app/webModule.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { episodesKey, patientsKey } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { restrictionDraftForm, type Restriction, type Target } from './restriction.ts';

// Setting or changing a restriction (its form and the staff pickers) loads the first time it opens.
const RestrictionDialog = lazy(() => import('./RestrictionDialog.tsx').then((module) => ({ default: module.RestrictionDialog })));

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
      {editing && (
        <LazyPart floating>
          <RestrictionDialog target={target} current={current} onClose={() => setEditing(false)} />
        </LazyPart>
      )}
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
