/**
 * Time as the client sees it. Injected through `createClient({ clock })` so tests control time and
 * never sleep; the default uses the real timers.
 */
export interface Clock {
  /** Now, in ms since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects at once with the signal's reason if `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * A per-attempt timeout: `signal` aborts after `ms` unless `clear()` is called first. The client
   * clears it as soon as the attempt is over, so a finished call leaves no timer behind.
   */
  timeout(ms: number): Timeout;
}

/** What {@link Clock.timeout} returns. */
export interface Timeout {
  readonly signal: AbortSignal;
  clear(): void;
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
  // Not AbortSignal.timeout: its timer cannot be cleared, so every finished call would keep one armed
  // for the rest of the 80 s default, about 350 bytes each (bench/RESULTS.md).
  timeout: (ms) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
    return { signal: controller.signal, clear: () => clearTimeout(timer) };
  },
};
