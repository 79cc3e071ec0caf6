import { isRedirect } from '../errors/error-from-response.js';

/**
 * When to retry, decided by one pure function. Stripe's rules (the official SDKs follow them):
 * `Stripe-Should-Retry` decides first when present; otherwise connection failures, timeouts, 409
 * (a conflicting request in flight), 429 (rate or lock limits) and 5xx are retried, and no other 4xx;
 * a caller's abort never is. Waits grow exponentially with jitter, and `Retry-After` is honoured.
 */

/** What an attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string>> }
  | { kind: 'connection' | 'timeout' | 'abort' };

/** Everything the decision depends on; time and randomness come in as values. */
export interface RetryInput {
  /** The attempt that just ended, counting from 1. */
  attempt: number;
  maxRetries: number;
  outcome: AttemptOutcome;
  /** Now, in ms since the epoch (for `Retry-After` dates). */
  now: number;
  /** A number in [0, 1) for jitter. */
  random: number;
  /** Time left before the call's deadline, in ms (Infinity when there is none). */
  remainingMs: number;
}

/** Retry or not, how long to wait first, and why (for logs and tests). */
export interface RetryDecision {
  retry: boolean;
  delayMs: number;
  reason: string;
}

/** The first wait, the longest computed wait, and the longest `Retry-After` we will sit out. */
export const BACKOFF = { initialMs: 500, maxMs: 5_000, maxRetryAfterMs: 60_000 } as const;

/** `Retry-After` in ms: delta seconds (`"2"`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... capped at 5 s, each scaled into [50%, 100%]. */
export function backoffDelay(attempt: number, random: number): number {
  const base = Math.min(BACKOFF.initialMs * 2 ** (attempt - 1), BACKOFF.maxMs);
  return Math.round(base * (0.5 + random * 0.5));
}

function retryable(outcome: AttemptOutcome): { retry: boolean; reason: string } {
  switch (outcome.kind) {
    case 'abort':
      return { retry: false, reason: 'aborted by the caller' };
    case 'connection':
    case 'timeout':
      return { retry: true, reason: `${outcome.kind} failure` };
    case 'response': {
      // A redirect is an answer from somewhere that is not Stripe: no header of its can ask for more.
      if (isRedirect(outcome.status)) return { retry: false, reason: `HTTP ${outcome.status} redirect` };
      const header = outcome.headers['stripe-should-retry'];
      if (header === 'true' || header === 'false') {
        return { retry: header === 'true', reason: `Stripe-Should-Retry: ${header}` };
      }
      const { status } = outcome;
      const retry = status === 409 || status === 429 || status >= 500;
      return { retry, reason: `HTTP ${status}` };
    }
  }
}

/** Decides whether to retry the call whose attempt just ended, and after how long. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { retry, reason } = retryable(input.outcome);
  if (!retry) return { retry: false, delayMs: 0, reason };
  if (input.attempt > input.maxRetries) return { retry: false, delayMs: 0, reason: `${reason}; no retries left` };
  let delayMs = backoffDelay(input.attempt, input.random);
  if (input.outcome.kind === 'response') {
    const retryAfter = parseRetryAfter(input.outcome.headers['retry-after'], input.now);
    if (retryAfter !== undefined && retryAfter > BACKOFF.maxRetryAfterMs) {
      return { retry: false, delayMs: 0, reason: `${reason}; Retry-After is over 60 s` };
    }
    if (retryAfter !== undefined) delayMs = Math.max(delayMs, Math.round(retryAfter));
  }
  if (delayMs >= input.remainingMs) return { retry: false, delayMs: 0, reason: `${reason}; the deadline is too close` };
  return { retry: true, delayMs, reason };
}
