// The app's one query cache, and the requests every first page waits for. Apart from App.tsx
// so that the app's first script (main.tsx) starts them before React and the UI kit arrive.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem.ts';
import { keepOpenForms } from '../components/forms/drafts.ts';
import { knowSetupDone, markSessionEnded, prefetchSession, sessionKey } from '../modules/session/sessionQueries.ts';
import { warmUpDateFormats } from '../i18n/format.ts';
import { readEarly } from '../api/earlyRead.ts';
import { fetchPatientMode, patientModeEarlyRead } from '../modules/patient-mode/patientModeRead.ts';
import { prefetchOpenedPage } from './prefetch.ts';
import { rememberSession } from './bootShell.ts';
import type { Session } from '../api/types.ts';

/** A call answered "not signed in" (expired or ended session): forget the session so the guard shows sign-in. */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.problemType === 'unauthenticated' || error.problemType === 'mfa-enrolment-required') {
    if (error.problemType === 'unauthenticated') {
      markSessionEnded();
      // Before sign-in replaces the screen: whatever is typed in an open form is kept for after.
      keepOpenForms();
    }
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Retry only when the server did not answer or failed; a 4xx will not change.
      retry: (failureCount, error) => failureCount < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const sessionHash = JSON.stringify(sessionKey);
// Each answer about the session (the first read, sign-in, sign-out, a session found ended)
// updates the device's mark that decides whether index.html paints My caseload's heading.
queryClient.getQueryCache().subscribe((event) => {
  const { query } = event;
  if (event.type !== 'updated' || query.queryHash !== sessionHash || query.state.status !== 'success') return;
  const session = (query.state.data as Session | null | undefined) ?? null;
  rememberSession(session);
  // A session is someone's in an organization that exists: setup is done, and sign-out or a
  // session that ends then shows sign-in without asking again.
  if (session !== null) knowSetupDone(queryClient);
});

/**
 * Starts the requests every first page waits for (the session check, and the setup check when
 * there is no session), and the opened page's code and first read (app/prefetch.ts); main.tsx
 * calls it first of all.
 */
export function startLoading(): void {
  const session = prefetchSession(queryClient, location.pathname);
  prefetchOpenedPage(location.pathname, session);
  // Signed in: the signed-in frame asks whether this session is handed to a patient
  // (PatientModeRedirect), so that read leaves now, beside the page's own, rather than after
  // React and the UI kit have arrived. And the page will show dates: its first formatter is
  // made in a task of its own while the app's code downloads, not in the page's first render
  // (i18n/format.ts).
  session.then(
    (current) => {
      if (current === null || current.stage !== 'active') return;
      readEarly(patientModeEarlyRead, fetchPatientMode);
      setTimeout(() => warmUpDateFormats(current.organization.timeZone), 0);
    },
    () => undefined,
  );
}
