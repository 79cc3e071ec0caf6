/**
 * Time as the client sees it. Injected through `createClient({ clock })` so tests control time and
 * never sleep; the default uses the real timers.
 */
export interface Clock {
  /** Now, in ms since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects at once with the signal's reason if `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts after `ms` (a per-attempt timeout). */
  timeout(ms: number): AbortSignal;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  timeout: (ms) => AbortSignal.timeout(ms),
};
