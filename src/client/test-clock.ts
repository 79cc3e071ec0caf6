import type { Clock } from './options.js';

/** A {@link Clock} for tests: time moves only when told, and nothing ever really waits. */
export interface TestClock extends Clock {
  /** Every wait the client asked for (retry backoff, `Retry-After`), in ms, in order. */
  readonly sleeps: number[];
  /** How many per-attempt timeouts are armed and not yet cleared or fired. */
  armed(): number;
  /** Moves time forward by `ms`, firing the timeouts that fall due (a hung attempt times out). */
  advance(ms: number): void;
}

/**
 * A clock for tests that want retries without waiting: a retry's backoff (`sleep`) moves time
 * forward at once instead of sleeping, and per-attempt timeouts fire only when the test calls
 * `advance`. Pass it as `createClient({ clock })`, and as the MSW mock's `clock` too so `created`
 * and delay faults follow the same time.
 * @example
 * const clock = testClock();
 * const stripe = createClient({ apiKey: 'sk_test_123', clock });
 * mock.faults.failNext(2, { status: 503 });
 * await stripe.customers.create({ email: 'a@example.com' }); // two retries, no real waiting
 * expect(clock.sleeps).toHaveLength(2);
 */
export function testClock(start = Date.UTC(2026, 0, 1)): TestClock {
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
