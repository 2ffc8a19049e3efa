import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const patientModeKey = ['patient-mode'] as const;

/** Whether this session is handed to a patient (the server holds the lock). */
export function usePatientModeQuery(enabled = true) {
  return useQuery({ queryKey: patientModeKey, enabled, queryFn: () => unwrap(api.GET('/api/session/patient-mode')), retry: false });
}
