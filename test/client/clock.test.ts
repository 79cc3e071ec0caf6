import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/client/options.js';

// The real clock, on vitest's fake timers so nothing really waits.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('systemClock.timeout', () => {
  it('aborts its signal with a TimeoutError when the time is up', () => {
    const { signal } = systemClock.timeout(80_000);
    vi.advanceTimersByTime(79_999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('leaves no timer behind once cleared, and never aborts', () => {
    const timeout = systemClock.timeout(80_000);
    expect(vi.getTimerCount()).toBe(1);
    timeout.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100_000);
    expect(timeout.signal.aborted).toBe(false);
  });
});

describe('systemClock.sleep', () => {
  it('resolves after the wait, and rejects at once with the reason when the signal aborts', async () => {
    const slept = systemClock.sleep(500);
    vi.advanceTimersByTime(500);
    await expect(slept).resolves.toBeUndefined();
    const controller = new AbortController();
    const interrupted = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(interrupted).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
