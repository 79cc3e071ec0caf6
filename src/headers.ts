import { StripeValidationError, type ValidationIssue } from './errors.js';
import { formatPath } from './format-path.js';

/** Per-request options; the same shape on every method, always the last argument. */
export interface RequestOptions {
  /** Make the call on behalf of a connected account (`acct_...`): the `Stripe-Account` header. */
  stripeAccount?: string;
  /** Pin the API version for this call: the `Stripe-Version` header. */
  apiVersion?: string;
  /** The `Idempotency-Key` for a POST: the same key with the same params replays the first result. */
  idempotencyKey?: string;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** The settings every request of a client shares. */
export interface HeaderDefaults {
  apiKey: string;
  apiVersion: string;
  stripeAccount?: string | undefined;
}

// Control characters (CR and LF among them) in a header value could split one header into two.
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_IDEMPOTENCY_KEY = 255;

/** The problem with a header value, if any: control characters, or an Idempotency-Key too long. */
export function headerValueIssue(field: string, value: string, maxLength = Infinity): ValidationIssue | undefined {
  const path = [field];
  if (CONTROL.test(value)) return { path, field: formatPath(path), rule: 'must not contain control characters (CR, LF, ...)' };
  if (value.length === 0) return { path, field: formatPath(path), rule: 'must not be empty' };
  if (value.length > maxLength) return { path, field: formatPath(path), rule: `at most ${maxLength} characters` };
  return undefined;
}

/**
 * The headers of one request. Per-request options win over client defaults. Bad values throw a
 * {@link StripeValidationError} naming the option, and nothing is sent.
 * @example buildHeaders({ apiKey, apiVersion: '2024-04-10' }, 'post', { idempotencyKey: 'order-42' })
 */
export function buildHeaders(defaults: HeaderDefaults, method: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${defaults.apiKey}`,
    Accept: 'application/json',
  };
  const optional: [string, string, string | undefined, number?][] = [
    ['Stripe-Version', 'apiVersion', options.apiVersion ?? defaults.apiVersion],
    ['Stripe-Account', 'stripeAccount', options.stripeAccount ?? defaults.stripeAccount],
  ];
  if (method === 'post') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    optional.push(['Idempotency-Key', 'idempotencyKey', options.idempotencyKey, MAX_IDEMPOTENCY_KEY]);
  }
  const issues: ValidationIssue[] = [];
  for (const [header, field, value, max] of optional) {
    if (value === undefined) continue;
    const problem = headerValueIssue(field, value, max);
    if (problem) issues.push(problem);
    else headers[header] = value;
  }
  if (issues.length) throw new StripeValidationError(issues, 'Invalid request options');
  return headers;
}
