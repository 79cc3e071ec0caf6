import type { Clock } from '../../src/client/options.js';

/** A clock whose time moves only when told: `sleep` advances it at once, and timeouts fire on `advance`. */
export interface FakeClock extends Clock {
  /** Every wait the code asked for, in ms. */
  readonly sleeps: number[];
  /** How many timeouts are armed and not yet cleared or fired. */
  armed(): number;
  /** Moves time forward, firing the timeouts that fall due. */
  advance(ms: number): void;
}

/** A {@link FakeClock} starting at a fixed instant. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): FakeClock {
  let now = start;
  const timers: { at: number; controller: AbortController }[] = [];
  const sleeps: number[] = [];
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers) {
      if (timer.at <= now && !timer.controller.signal.aborted) {
        timer.controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
      }
    }
  };
  return {
    sleeps,
    advance,
    armed: () => timers.filter((t) => !t.controller.signal.aborted).length,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      advance(ms);
    },
    timeout: (ms) => {
      const controller = new AbortController();
      const timer = { at: now + ms, controller };
      timers.push(timer);
      const clear = () => {
        const at = timers.indexOf(timer);
        if (at >= 0) timers.splice(at, 1);
      };
      return { signal: controller.signal, clear };
    },
  };
}
