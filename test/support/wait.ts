import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waiting in tests, without fixed sleeps: wait for the thing itself (a promise it resolves,
 * an event, a line it prints) under a deadline that fails loudly, naming what never came.
 * Only where no event exists does `pollUntil` ask again, still under a deadline.
 */
export async function withDeadline<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks `check` until it returns something other than undefined; fails after `ms`. */
export async function pollUntil<T>(what: string, ms: number, check: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined) return result;
      last = 'no result';
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `timed out after ${ms} ms waiting for ${what} (last attempt: ${last instanceof Error ? last.message : String(last)})`,
      );
    }
    await delay(everyMs);
  }
}
