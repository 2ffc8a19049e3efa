import { api, unwrap } from '../../api/client.ts';

/** One patient's overview (one audited read). Apart from patientQueries.ts, which the app's first script need not carry. */
export function fetchPatient(id: string) {
  return unwrap(api.GET('/api/patients/{id}', { params: { path: { id } } }));
}

/** The key of the read of a patient's overview started with the app (api/earlyRead.ts). */
export function patientEarlyRead(id: string): string {
  return `patient:${id}`;
}
