// index.html's static first paint (#boot: the header, and on /sign-in the sign-in form that
// public/first-paint.js shows) until the app's own render replaces it. Without React, so that
// the first script (main.tsx) can clear it when the app fails to load.

/** Whether index.html's sign-in form is showing (first-paint.js showed it, the app has not taken over). */
export function bootSignInShown(): boolean {
  return document.getElementById('boot')?.hasAttribute('data-sign-in') === true;
}

/** Removes the static first paint and shows the app's own render. */
export function releaseBootShell(): void {
  document.getElementById('boot')?.remove();
  const root = document.getElementById('root');
  if (root !== null) root.hidden = false;
}
