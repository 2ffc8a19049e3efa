// Whether a page's code is being loaded because someone opened that page: only then does a
// failed load reload the whole app (pwa/registerServiceWorker.tsx). Code loaded ahead of need
// (the menus, the notifications container) or for a dialog must not reload a page someone is
// typing in; its part says it did not arrive instead (components/LoadBoundary.tsx).
let loading = 0;

export function loadingPage<T>(load: () => Promise<T>): Promise<T> {
  loading += 1;
  return load().finally(() => {
    loading -= 1;
  });
}

export function pageLoading(): boolean {
  return loading > 0;
}
