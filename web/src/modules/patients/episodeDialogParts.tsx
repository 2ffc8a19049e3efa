import { Alert, Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/problem.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { caseloadKey, episodesKey, patientsKey } from './patientQueries.ts';

/** Someone to choose for a staff role: from the staff list (supervisors), else the team's own staff. */
export interface StaffChoice {
  id: string;
  name: string;
}

/** After any change to an episode: the episode, the patient's overview and the caseload are out of date. */
export function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: episodesKey });
    void queryClient.invalidateQueries({ queryKey: patientsKey });
    void queryClient.invalidateQueries({ queryKey: caseloadKey });
  };
}

export function Buttons({
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

export function StaleAlert({ show }: { show: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <Alert color="orange" variant="light" title={t('stale.title')} role="alert">
      {t('episode.staleReloaded')}
    </Alert>
  );
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.problemType === 'stale-version';
}

// Moving along the continuum -------------------------------------------------------------------
