// A page opened directly (a bookmark, a link, a reload) used to wait for the session before its
// code was even asked for, and for its code before its data: three round trips one after the
// other on a slow connection. A module whose page is being opened asks for its code and its
// first read at once instead, alongside the session (its module.ts, when the app starts); the
// page takes that read when it renders. Signed out, the read fails (401) and is dropped: the
// page, once someone has signed in, reads again.

interface EarlyRead {
  at: number;
  promise: Promise<unknown>;
}

const reads = new Map<string, EarlyRead>();

// Older than this, the page reads again rather than show what it was when the app started.
const FRESH_MS = 30_000;

/** Starts `read` now and keeps it under `key` for the page to take. */
export function readEarly(key: string, read: () => Promise<unknown>): void {
  const promise = read();
  promise.catch(() => undefined);
  reads.set(key, { at: Date.now(), promise });
}

/** The early read kept under `key` (once, and only if recent and successful), else `read()`. */
export function takeEarlyRead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const early = reads.get(key);
  reads.delete(key);
  if (early === undefined || Date.now() - early.at > FRESH_MS) return read();
  return (early.promise as Promise<T>).catch(() => read());
}

/** The path the app was opened at, or null outside a browser (node:test loads the modules). */
export function openedAt(): string | null {
  return typeof location === 'undefined' ? null : location.pathname;
}
