import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { patientsKey } from '../patients/patientQueries.ts';

/** One task as the API answers it. */
export type Task = OkBody<'/api/tasks/{id}', 'get'>;

export const tasksKey = ['tasks'] as const;
export const todayKey = ['today'] as const;
export const timelineKey = ['timeline'] as const;

/** Done, cancelled or reopened, with the version the list showed; refreshes Today, the patient's tasks and the timeline. */
export function useTaskStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, to }: { id: string; version: number; to: 'completion' | 'cancellation' | 'reopening' }) => {
      const params = { path: { id } };
      const body = { version };
      if (to === 'completion') return unwrap(api.POST('/api/tasks/{id}/completion', { params, body }));
      if (to === 'cancellation') return unwrap(api.POST('/api/tasks/{id}/cancellation', { params, body }));
      return unwrap(api.POST('/api/tasks/{id}/reopening', { params, body }));
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      void queryClient.invalidateQueries({ queryKey: patientsKey });
      void queryClient.invalidateQueries({ queryKey: todayKey });
      void queryClient.invalidateQueries({ queryKey: timelineKey });
    },
  });
}
