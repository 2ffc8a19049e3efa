// index.html's static first paint (#boot: the header; on /sign-in the sign-in form, on
// /caseload My caseload's heading, which public/first-paint.js shows) until the app's own render
// replaces it. Without React, so that the first script (main.tsx) can clear it when the app
// fails to load.
import { clinicalRoles } from '../api/codes.ts';
import type { Session } from '../api/types.ts';

/** Whether index.html's sign-in form is showing (first-paint.js showed it, the app has not taken over). */
export function bootSignInShown(): boolean {
  return document.getElementById('boot')?.hasAttribute('data-sign-in') === true;
}

/** Whether index.html's copy of a signed-in page's heading is showing (My caseload's). */
function bootPageShown(): boolean {
  return document.getElementById('boot')?.hasAttribute('data-page') === true;
}

/** Removes the static first paint and shows the app's own render. */
export function releaseBootShell(): void {
  document.getElementById('boot')?.remove();
  const root = document.getElementById('root');
  if (root !== null) root.hidden = false;
}

// While the app can show only a loader (its page's code or the session still on the way), the
// static heading stays instead: a heading that went away for a spinner and came back would be
// worse than either. Loaders hold it (guards.tsx, FullPageLoader); the last to go releases it,
// after the commit that replaced it, so the page and the static copy never show together and
// the loader that follows another in the same commit keeps holding.
let holds = 0;

/** Keeps index.html's page heading until the returned function is called (by every holder). */
export function holdBootShell(): () => void {
  if (!bootPageShown()) return () => undefined;
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    queueMicrotask(() => {
      if (holds === 0) releaseBootShell();
    });
  };
}

/** Whether a loader is holding index.html's page heading. */
export function bootShellHeld(): boolean {
  return holds > 0;
}

// first-paint.js shows My caseload's heading before the app arrives only to someone who, when
// the app last knew on this device, was signed in with a clinical role (no one's data: a mark).
const signedInKey = 'bridgeway.signedIn';

/** Keeps the mark in step with the session the app has just learnt of (null: signed out). */
export function rememberSession(session: Session | null): void {
  const clinical = session !== null && session.stage === 'active' && session.user.roles.some((role) => clinicalRoles.includes(role));
  try {
    if (clinical) localStorage.setItem(signedInKey, 'clinical');
    else localStorage.removeItem(signedInKey);
  } catch {
    // Private browsing may refuse storage: the static heading is then never shown.
  }
}
