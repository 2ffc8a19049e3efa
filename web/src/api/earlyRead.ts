// A page opened directly (a bookmark, a link, a reload) starts its first read as soon as the
// session says the person may open it (its route's `prefetch`, app/prefetch.ts), while its code
// is still on the way; the page takes that read when it renders. A failed read is dropped and
// the page reads again.

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
