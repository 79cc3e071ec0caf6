import type { MockResult } from './envelope.js';

/**
 * One injected failure. `status`: answer with that HTTP status and a Stripe error body (optionally
 * with a message and headers such as `Retry-After` or `Stripe-Should-Retry`). `network`: drop the
 * connection, so the caller's fetch rejects. `delayMs`: wait that long, then answer normally.
 */
export type Fault =
  | { status: number; message?: string; headers?: Record<string, string> }
  | { network: true }
  | { delayMs: number };

/** The fault knobs: failures queued for the next requests, whatever route they go to. */
export interface Faults {
  /**
   * Makes each of the next `count` requests fail the given way.
   * @example mock.faults.failNext(2, { status: 503 }) // the client retries twice, then succeeds
   * @example mock.faults.failNext(1, { network: true })
   * @example mock.faults.failNext(1, { delayMs: 90_000 }) // past the client's 80 s timeout
   */
  failNext(count: number, fault: Fault): void;
  /** How many requests will still fail. */
  pending(): number;
  /** Drops every queued fault. */
  clear(): void;
}

/** A {@link Faults} that `handle.ts` can also take from. */
export interface FaultQueue extends Faults {
  /** The fault for the request now arriving, if one is queued. */
  take(): Fault | undefined;
}

/**
 * Creates an empty fault queue.
 * @example const faults = createFaults(); faults.failNext(1, { status: 503 }); faults.take() // { status: 503 }
 */
export function createFaults(): FaultQueue {
  const queue: Fault[] = [];
  return {
    failNext(count, fault) {
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext: count must be a positive integer, got ${count}`);
      if ('status' in fault && (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599)) {
        throw new RangeError(`failNext: status must be an HTTP error status (400-599), got ${fault.status}`);
      }
      if ('delayMs' in fault && !(fault.delayMs >= 0)) throw new RangeError(`failNext: delayMs must be >= 0, got ${fault.delayMs}`);
      for (let i = 0; i < count; i++) queue.push(fault);
    },
    pending: () => queue.length,
    clear: () => void queue.splice(0),
    take: () => queue.shift(),
  };
}

// Stripe's codes for the statuses clients retry (docs/stripe-wire.md#errors).
const CODES: Record<number, string> = { 409: 'lock_timeout', 429: 'rate_limit' };

/**
 * The answer to a `status` fault: `api_error` for 5xx, `invalid_request_error` otherwise.
 * @example faultResult({ status: 503 }) // { status: 503, body: { error: { type: 'api_error', ... } } }
 */
export function faultResult(fault: { status: number; message?: string; headers?: Record<string, string> }): MockResult {
  const { status } = fault;
  const code = CODES[status];
  const error = {
    type: status >= 500 ? 'api_error' : 'invalid_request_error',
    ...(code ? { code } : {}),
    message: fault.message ?? `Simulated failure (HTTP ${status}) injected by the mock's faults.failNext.`,
  };
  return { status, body: { error }, headers: fault.headers ?? {} };
}
