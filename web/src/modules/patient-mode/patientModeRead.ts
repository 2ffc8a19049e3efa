// Whether this session is handed to a patient, without React: the app's first script
// (app/queryClient.ts) starts this read as soon as the session check says someone is signed
// in, beside the page's own read. Asked for by the signed-in frame's first render instead, it
// left only once React and the UI kit had arrived, and a phone waited one more round trip
// before the page was done.
import { api, unwrap } from '../../api/client.ts';

/** The read of the patient-mode lock started with the app (api/earlyRead.ts). */
export const patientModeEarlyRead = 'patient-mode';

export function fetchPatientMode() {
  return unwrap(api.GET('/api/session/patient-mode'));
}
