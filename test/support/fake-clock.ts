import { testClock, type TestClock } from '../../src/client/test-clock.js';

/** The package's test clock, under the name these tests use. */
export type FakeClock = TestClock;

/** A {@link FakeClock} starting at a fixed instant. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): FakeClock {
  return testClock(start);
}
