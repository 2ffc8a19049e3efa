import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { keepOpenForms } from '../../components/forms/drafts.ts';
import type { Session } from '../../api/types.ts';

export const sessionKey = ['session'] as const;

// Set when a call finds the session gone (idle timeout, ended elsewhere), so sign-in can say why.
let sessionEnded = false;

export function markSessionEnded(): void {
  sessionEnded = true;
}

/** Whether the last session ended by itself (sign-in shows it once, then clears it). */
export function didSessionEnd(): boolean {
  return sessionEnded;
}

export function clearSessionEnded(): void {
  sessionEnded = false;
}
export const setupKey = ['setup'] as const;

/** The current session, or null when not signed in (401). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await unwrap(api.GET('/api/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      // Found ended by this read itself (it may answer before any other): open forms keep what
      // is typed in them before sign-in replaces the screen (components/forms/drafts.ts).
      keepOpenForms();
      return null;
    }
    throw error;
  }
}

const sessionQuery = queryOptions({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
const setupQuery = queryOptions({ queryKey: setupKey, queryFn: () => unwrap(api.GET('/api/setup')), staleTime: Infinity });

export function useSessionQuery() {
  return useQuery(sessionQuery);
}

/** Whether the organization still has to be set up; asked only while `enabled`. */
export function useSetupQuery(enabled = true) {
  return useQuery({ ...setupQuery, enabled });
}

/**
 * Asks who is signed in as the app starts, so that the answer travels while the first page's
 * code downloads instead of after it renders; resolves with it (the same request the guard then
 * reads, not a second one). Only without a session is the organization's setup asked about
 * (first run, or sign-in): a session is someone's in an organization that exists, so a
 * signed-in page, opened every day, makes one request fewer before it shows.
 */
export function prefetchSession(queryClient: QueryClient, path: string): Promise<Session | null> {
  const session = queryClient.fetchQuery(sessionQuery);
  // Where nobody is signed in as a rule, both questions travel side by side.
  if (path === '/sign-in' || path === '/setup') void queryClient.prefetchQuery(setupQuery);
  session.then(
    (current) => {
      if (current === null) void queryClient.prefetchQuery(setupQuery);
    },
    () => undefined,
  );
  return session;
}

/** Records that the organization exists (a session was answered), unless setup's answer is known. */
export function knowSetupDone(queryClient: QueryClient): void {
  if (queryClient.getQueryData(setupKey) !== undefined) return;
  queryClient.setQueryData(setupKey, { setupRequired: false, setupCodeRequired: false });
}

/** Records a session the server just answered with (sign-in, MFA confirmation). */
export function storeSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionKey, session);
}
