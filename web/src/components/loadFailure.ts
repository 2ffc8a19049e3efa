/**
 * Whether `error` is a part of the app's code that did not arrive (a dropped connection on the
 * first visit, before the service worker has every file), as the browser or the build's preload
 * helper reports it, rather than a fault in the code.
 */
export function isLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}
