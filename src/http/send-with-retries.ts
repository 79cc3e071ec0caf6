import type { Clock } from '../client/clock.js';
import { StripeAbortError, StripeConnectionError, StripeTimeoutError, type StripeError } from '../errors/errors.js';
import type { EncodedCall, OperationRoute } from './operation.js';
import { decideRetry, type AttemptOutcome } from './retry.js';
import type { RawResponse, Send } from './send.js';

/** How long and how often one call may try. */
export interface RetryPolicy {
  maxRetries: number;
  /** Per attempt, in ms. */
  timeoutMs: number;
  /** For the whole call, retries and waits included, in ms from its start (Infinity: none). */
  deadlineMs: number;
}

/** What the loop needs from the client: the transport, the clock, a random source, what to mask. */
export interface AttemptContext {
  send: Send;
  clock: Clock;
  random: () => number;
  /** Masked by value in the errors the loop makes (a transport's failure can quote the request). */
  secrets: readonly string[];
}

function describe(op: OperationRoute): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/**
 * Sends a call, retrying as {@link decideRetry} says, with the same headers (so the same
 * Idempotency-Key) on every attempt. Returns the last response, success or not; throws
 * {@link StripeConnectionError}, {@link StripeTimeoutError} or {@link StripeAbortError} when the last
 * attempt got no response.
 */
export async function sendWithRetries(
  context: AttemptContext,
  op: OperationRoute,
  call: EncodedCall,
  headers: Record<string, string>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
): Promise<RawResponse> {
  const { clock, secrets } = context;
  const idempotencyKey = headers['Idempotency-Key'];
  const started = clock.now();
  const aborted = (cause: unknown) =>
    new StripeAbortError({ message: `${describe(op)} was aborted by the caller`, cause, idempotencyKey, secrets });
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted(signal.reason);
    const remainingMs = policy.deadlineMs - (clock.now() - started);
    const limitMs = Math.min(policy.timeoutMs, remainingMs);
    const timeout = clock.timeout(limitMs);
    let outcome: AttemptOutcome;
    let failure: RawResponse | StripeError;
    try {
      const attemptSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      const response = await context.send(op, call, headers, attemptSignal);
      if (response.status >= 200 && response.status < 300) return response;
      outcome = { kind: 'response', status: response.status, headers: response.headers };
      failure = response;
    } catch (cause) {
      if (signal?.aborted) throw aborted(signal.reason);
      const timedOut = timeout.signal.aborted;
      outcome = { kind: timedOut ? 'timeout' : 'connection' };
      const detail = cause instanceof Error ? cause.message : String(cause);
      failure = timedOut
        ? new StripeTimeoutError({ message: `${describe(op)} got no response within ${limitMs} ms`, cause, idempotencyKey, secrets })
        : new StripeConnectionError({ message: `Could not reach Stripe for ${describe(op)}: ${detail}`, cause, idempotencyKey, secrets });
    } finally {
      timeout.clear();
    }
    const decision = decideRetry({
      attempt,
      maxRetries: policy.maxRetries,
      outcome,
      now: clock.now(),
      random: context.random(),
      remainingMs: policy.deadlineMs - (clock.now() - started),
    });
    if (!decision.retry) {
      if (failure instanceof Error) throw failure;
      return failure;
    }
    try {
      await clock.sleep(decision.delayMs, signal);
    } catch (cause) {
      throw aborted(cause);
    }
  }
}
