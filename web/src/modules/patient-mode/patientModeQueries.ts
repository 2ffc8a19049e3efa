import { useQuery } from '@tanstack/react-query';
import { takeEarlyRead } from '../../api/earlyRead.ts';
import { fetchPatientMode, patientModeEarlyRead } from './patientModeRead.ts';

export const patientModeKey = ['patient-mode'] as const;

/** Whether this session is handed to a patient (the server holds the lock). */
export function usePatientModeQuery(enabled = true) {
  return useQuery({
    queryKey: patientModeKey,
    enabled,
    queryFn: () => takeEarlyRead(patientModeEarlyRead, fetchPatientMode),
    retry: false,
  });
}
