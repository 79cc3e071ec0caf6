import { StripeValidationError, type ValidationIssue } from './errors.js';
import type { RetryPolicy } from './send-with-retries.js';

/** Per-request options; the same shape on every method, always the last argument. */
export interface RequestOptions {
  /** Make the call on behalf of a connected account (`acct_...`): the `Stripe-Account` header. */
  stripeAccount?: string;
  /** Pin the API version for this call: the `Stripe-Version` header. */
  apiVersion?: string;
  /**
   * The `Idempotency-Key` for a POST (at most 255 characters). Without one, the client makes a
   * random UUID per call; either way every retry of the call sends the same key.
   */
  idempotencyKey?: string;
  /** Extra headers (values must not contain CR, LF or other control characters). */
  headers?: Record<string, string>;
  /** Per-attempt time limit in ms (default 80 000). */
  timeout?: number;
  /** Overall limit in ms for the call, retries and waits included (default: none). */
  deadline?: number;
  /** Retries after the first attempt (default 2). `0` disables retrying. */
  maxRetries?: number;
  /** Cancels the call at once; an aborted call is never retried. */
  signal?: AbortSignal;
}

/** The retry policy every call of a client starts from. */
export const DEFAULT_POLICY: RetryPolicy = { maxRetries: 2, timeoutMs: 80_000, deadlineMs: Infinity };

const MAX_RETRIES_LIMIT = 10;

function numberIssue(field: string, value: number | undefined, integer: boolean, min: number, max = Infinity): ValidationIssue | undefined {
  if (value === undefined) return undefined;
  const ok = typeof value === 'number' && !Number.isNaN(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (ok) return undefined;
  const kind = integer ? 'an integer' : 'a number';
  const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
  return { path: [field], field, rule: `must be ${kind} ${range}` };
}

/** Timing and retry settings for one call: its options over the client's, checked. */
export function resolvePolicy(
  base: RetryPolicy,
  options: Pick<RequestOptions, 'timeout' | 'deadline' | 'maxRetries'>,
  what = 'Invalid request options',
): RetryPolicy {
  const issues = [
    numberIssue('maxRetries', options.maxRetries, true, 0, MAX_RETRIES_LIMIT),
    numberIssue('timeout', options.timeout, false, 1),
    numberIssue('deadline', options.deadline, false, 1),
  ].filter((i): i is ValidationIssue => i !== undefined);
  if (issues.length) throw new StripeValidationError(issues, what);
  return {
    maxRetries: options.maxRetries ?? base.maxRetries,
    timeoutMs: options.timeout ?? base.timeoutMs,
    deadlineMs: options.deadline ?? base.deadlineMs,
  };
}
