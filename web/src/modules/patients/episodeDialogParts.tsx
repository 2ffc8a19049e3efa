import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { caseloadKey, episodesKey, patientsKey, type Placement } from './patientQueries.ts';

/** What was typed in one of the episode's dialogs before the session ended (components/forms/useKeptDraft.ts). */
export function useEpisodeDraft<V>(draftForm: string, current?: () => Kept<V> | null) {
  const session = useSession();
  return useKeptDraft<V>(session.user.id, draftForm, current);
}

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

/** The episode changed under a dialog that acts on the episode as a whole (a phase change): it now shows the latest. */
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

/** A placement as saved now, for a dialog whose copy went stale. */
export async function loadPlacement(episodeId: string, placementId: string): Promise<Placement> {
  const episode = await unwrap(api.GET('/api/episodes/{id}', { params: { path: { id: episodeId } } }));
  const placement = episode.placements.find((candidate) => candidate.id === placementId);
  if (placement === undefined) throw new ApiError({ type: '/api/problems/not-found', title: 'Not found', status: 404 });
  return placement;
}
