import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';

// The options every call takes, the rules they must keep, and the defaults behind them: the retry
// policy and the clock.

/** Per-request options; the same shape on every method, always the last argument. */
export interface RequestOptions {
  /** Make the call on behalf of a connected account (`acct_...`): the `Stripe-Account` header. */
  stripeAccount?: string;
  /** Pin the API version for this call: the `Stripe-Version` header. */
  apiVersion?: string;
  /**
   * The `Idempotency-Key` for a POST: 1 to 255 printable ASCII characters. Without one, the client
   * makes a random UUID per call; either way every retry of the call sends the same key.
   */
  idempotencyKey?: string;
  /** Extra headers: names are HTTP tokens, values printable Latin-1 (no CR, LF or other control characters). */
  headers?: Record<string, string>;
  /** Per-attempt time limit in ms, from 1 to 2^31−1 (default 80 000). */
  timeout?: number;
  /** Overall limit in ms for the call, retries and waits included, from 1 to 2^31−1 (default: none). */
  deadline?: number;
  /** Retries after the first attempt, an integer from 0 to 10 (default 2). `0` disables retrying. */
  maxRetries?: number;
  /** Cancels the call at once; an aborted call is never retried. Must be an `AbortSignal`. */
  signal?: AbortSignal;
}

/** How long and how often one call may try. */
export interface RetryPolicy {
  maxRetries: number;
  /** Per attempt, in ms. */
  timeoutMs: number;
  /** For the whole call, retries and waits included, in ms from its start (Infinity: none). */
  deadlineMs: number;
}

/** The retry policy every call of a client starts from: 2 retries, 80 s per attempt, no deadline. */
export const DEFAULT_POLICY: RetryPolicy = { maxRetries: 2, timeoutMs: 80_000, deadlineMs: Infinity };

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

/**
 * The longest wait a timer can have: JavaScript runtimes store timer delays as 32-bit signed
 * integers, and Node fires a longer one after 1 ms, which would fail every attempt at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_RETRIES = 10;
const MAX_IDEMPOTENCY_KEY = 255;

/** Says which rule `value` breaks, or undefined when it is fine. Only called for defined values. */
export type OptionRule = (value: unknown) => string | undefined;

// Control characters (CR and LF among them) could split one header into two; anything past
// Latin-1 cannot be sent in a header at all, so it must fail here, not as a "connection error".
const PRINTABLE_LATIN1 = /^[\u0020-\u007e\u00a0-\u00ff]*$/;
const PRINTABLE_ASCII = /^[\u0020-\u007e]+$/;
// RFC 9110 token characters; anything else in a name (a space, a colon, CR/LF) is refused.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header value: a non-empty string of printable Latin-1 characters. */
export const headerValue: OptionRule = (value) => {
  if (typeof value !== 'string') return `must be a string, not ${typeName(value)}`;
  if (value === '') return 'must not be empty';
  if (!PRINTABLE_LATIN1.test(value)) {
    return 'must be printable Latin-1 text: no CR, LF or other control characters, nothing past U+00FF (an emoji, say)';
  }
  return undefined;
};

const idempotencyKey: OptionRule = (value) => {
  if (typeof value !== 'string') return `must be a string, not ${typeName(value)} (two calls must never share a key by accident)`;
  if (value === '') return 'must not be empty';
  if (value.length > MAX_IDEMPOTENCY_KEY) return `at most ${MAX_IDEMPOTENCY_KEY} characters`;
  if (!PRINTABLE_ASCII.test(value)) return 'must be printable ASCII: no control characters, nothing past U+007E';
  return undefined;
};

const milliseconds: OptionRule = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= MAX_TIMER_MS
    ? undefined
    : `must be a number of ms from 1 to ${MAX_TIMER_MS} (about 24.8 days); leave it out for the default`;

/** An integer from `min` to `max`. */
export function integerIn(min: number, max: number): OptionRule {
  return (value) => (Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : `must be an integer from ${min} to ${max}`);
}

const abortSignal: OptionRule = (value) =>
  typeof AbortSignal !== 'undefined' && value instanceof AbortSignal ? undefined : `must be an AbortSignal, not ${typeName(value)}`;

/** A value of the given `typeof`. */
export function ofType(type: 'boolean' | 'function' | 'string'): OptionRule {
  return (value) => (typeof value === type ? undefined : `must be a ${type}, not ${typeName(value)}`);
}

/** How a value reads in a rule: `a number`, `null`, `an array`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'undefined';
  return `a ${typeof value}`;
}

/** The rules of the options every client default and every request share. */
export const SHARED_RULES = {
  apiVersion: headerValue,
  stripeAccount: headerValue,
  maxRetries: integerIn(0, MAX_RETRIES),
  timeout: milliseconds,
  deadline: milliseconds,
} satisfies Record<string, OptionRule>;

const REQUEST_RULES: Readonly<Record<keyof RequestOptions, OptionRule>> = {
  ...SHARED_RULES,
  idempotencyKey,
  signal: abortSignal,
  // Checked entry by entry in `headerIssues`.
  headers: () => undefined,
};

/** Levenshtein distance, enough to suggest `timeout` for `timout`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const squash = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** The known name closest to `name` (`idempotency_key` → `idempotencyKey`), if one is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = squash(candidate) === squash(name) ? 0 : distance(squash(name), squash(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 4)) ? best : undefined;
}

/** What to say about an option name nobody knows. */
export type UnknownHint = (name: string) => string | undefined;

/**
 * Checks an options object against `rules`: every known option by its rule, every unknown name
 * refused with the closest known name as a hint. Nothing here throws.
 */
export function optionIssues(
  options: unknown,
  rules: Readonly<Record<string, OptionRule>>,
  hint: UnknownHint = () => undefined,
): ValidationIssue[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    return [{ ...customIssue([], `must be an object of options, not ${typeName(options)}`), field: '(options)' }];
  }
  const issues: ValidationIssue[] = [];
  const known = Object.keys(rules);
  for (const name of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[name];
    if (!Object.hasOwn(rules, name)) {
      const close = closestName(name, known);
      const extra = hint(name) ?? (close ? `did you mean ${close}?` : `known options: ${known.join(', ')}`);
      issues.push(customIssue([name], `is not an option; ${extra}`));
      continue;
    }
    if (value === undefined) continue;
    const rule = rules[name]!(value);
    if (rule) issues.push(customIssue([name], rule));
  }
  return issues;
}

function headerIssues(headers: unknown): ValidationIssue[] {
  if (headers === undefined) return [];
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    return [customIssue(['headers'], `must be an object of header names to values, not ${typeName(headers)}`)];
  }
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const path = ['headers', name];
    const rule = TOKEN.test(name) ? headerValue(value) : 'is not a valid header name';
    if (rule) issues.push(customIssue(path, rule));
  }
  return issues;
}

// Params passed where options go are the likeliest mix-up: say so instead of guessing a name.
const paramHint: UnknownHint = (name) =>
  /^[a-z]+(_[a-z]+)*$/.test(name) && !closestName(name, Object.keys(REQUEST_RULES))
    ? 'params go in the argument before the request options'
    : undefined;

/**
 * Checks one call's options; throws a {@link StripeValidationError} naming every bad or unknown
 * option, before anything is sent.
 */
export function checkRequestOptions(options: unknown): RequestOptions {
  const issues = optionIssues(options, REQUEST_RULES, paramHint);
  issues.push(...headerIssues((options as RequestOptions | undefined)?.headers));
  if (issues.length) throw new StripeValidationError(issues, 'Invalid request options');
  return (options ?? {}) as RequestOptions;
}

/** Timing and retry settings for one call: its options (already checked) over the client's. */
export function resolvePolicy(base: RetryPolicy, options: Pick<RequestOptions, 'timeout' | 'deadline' | 'maxRetries'>): RetryPolicy {
  return {
    maxRetries: options.maxRetries ?? base.maxRetries,
    timeoutMs: options.timeout ?? base.timeoutMs,
    deadlineMs: options.deadline ?? base.deadlineMs,
  };
}
