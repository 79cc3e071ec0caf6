import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, parseRetryAfter, type AttemptOutcome, type RetryInput } from '../../src/http/retry.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const response = (status: number, headers: Record<string, string> = {}): AttemptOutcome => ({ kind: 'response', status, headers });
const input = (outcome: AttemptOutcome, over: Partial<RetryInput> = {}): RetryInput => ({
  attempt: 1,
  maxRetries: 2,
  outcome,
  now: NOW,
  random: 0.5,
  remainingMs: Infinity,
  ...over,
});

const cases: [string, { given: RetryInput; want: { retry: boolean; delayMs?: number } }][] = [
  ['connection failure', { given: input({ kind: 'connection' }), want: { retry: true, delayMs: 375 } }],
  ['timeout', { given: input({ kind: 'timeout' }), want: { retry: true, delayMs: 375 } }],
  ['caller abort', { given: input({ kind: 'abort' }), want: { retry: false } }],
  ['409', { given: input(response(409)), want: { retry: true } }],
  ['429', { given: input(response(429)), want: { retry: true } }],
  ['500', { given: input(response(500)), want: { retry: true } }],
  ['503', { given: input(response(503)), want: { retry: true } }],
  ['400', { given: input(response(400)), want: { retry: false } }],
  ['401', { given: input(response(401)), want: { retry: false } }],
  ['402', { given: input(response(402)), want: { retry: false } }],
  ['404', { given: input(response(404)), want: { retry: false } }],
  ['Stripe-Should-Retry: false beats 503', { given: input(response(503, { 'stripe-should-retry': 'false' })), want: { retry: false } }],
  ['Stripe-Should-Retry: true beats 400', { given: input(response(400, { 'stripe-should-retry': 'true' })), want: { retry: true } }],
  ['a 302 is never retried', { given: input(response(302)), want: { retry: false } }],
  ['a 307 asking Stripe-Should-Retry: true is still not retried', { given: input(response(307, { 'stripe-should-retry': 'true' })), want: { retry: false } }],
  ['no retries left', { given: input(response(500), { attempt: 3 }), want: { retry: false } }],
  ['maxRetries 0', { given: input({ kind: 'connection' }, { maxRetries: 0 }), want: { retry: false } }],
  ['Retry-After seconds', { given: input(response(429, { 'retry-after': '3' })), want: { retry: true, delayMs: 3000 } }],
  ['Retry-After shorter than the backoff keeps the backoff', { given: input(response(429, { 'retry-after': '0' })), want: { retry: true, delayMs: 375 } }],
  ['Retry-After HTTP date', { given: input(response(503, { 'retry-after': new Date(NOW + 10_000).toUTCString() })), want: { retry: true, delayMs: 10_000 } }],
  ['Retry-After over 60 s is not waited out', { given: input(response(429, { 'retry-after': '61' })), want: { retry: false } }],
  ['Retry-After 60 s is', { given: input(response(429, { 'retry-after': '60' })), want: { retry: true, delayMs: 60_000 } }],
  ['the wait would pass the deadline', { given: input(response(500), { remainingMs: 300 }), want: { retry: false } }],
];

describe('decideRetry', () => {
  it.each(cases)('%s', (_, { given, want }) => {
    const decision = decideRetry(given);
    expect(decision.retry).toBe(want.retry);
    if (want.delayMs !== undefined) expect(decision.delayMs).toBe(want.delayMs);
    expect(decision.reason).not.toBe('');
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 0, 250],
    [1, 0.999999, 500],
    [2, 0.999999, 1000],
    [3, 0.999999, 2000],
    [4, 0.999999, 4000],
    [5, 0.999999, 5000],
    [9, 0, 2500],
  ])('attempt %i with random %f waits %i ms', (attempt, random, want) => {
    expect(backoffDelay(attempt, random)).toBe(want);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['2', 2000],
    ['1.5', 1500],
    ['soon', undefined],
    [new Date(NOW + 5000).toUTCString(), 5000],
    [new Date(NOW - 5000).toUTCString(), 0],
  ])('%j → %j ms', (value, want) => {
    expect(parseRetryAfter(value, NOW)).toBe(want);
  });
});
