import type { RequestOptions } from './options.js';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { formatPath } from './format-path.js';

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
export function headerValueIssue(
  path: readonly string[],
  value: string,
  maxLength = Infinity,
): ValidationIssue | undefined {
  if (CONTROL.test(value)) return { path, field: formatPath(path), rule: 'must not contain control characters (CR, LF, ...)' };
  if (value.length === 0) return { path, field: formatPath(path), rule: 'must not be empty' };
  if (value.length > maxLength) return { path, field: formatPath(path), rule: `at most ${maxLength} characters` };
  return undefined;
}

// RFC 9110 token characters; anything else in a name (a space, a colon, CR/LF) is refused.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerNameIssue(name: string, path: readonly string[]): ValidationIssue | undefined {
  return TOKEN.test(name) ? undefined : { path, field: formatPath(path), rule: 'is not a valid header name' };
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
  const optional: [string, string[], string | undefined, number?][] = [
    ['Stripe-Version', ['apiVersion'], options.apiVersion ?? defaults.apiVersion],
    ['Stripe-Account', ['stripeAccount'], options.stripeAccount ?? defaults.stripeAccount],
  ];
  if (method === 'post') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    optional.push(['Idempotency-Key', ['idempotencyKey'], options.idempotencyKey, MAX_IDEMPOTENCY_KEY]);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    optional.push([name, ['headers', name], value]);
  }
  const issues: ValidationIssue[] = [];
  for (const [header, path, value, max] of optional) {
    if (value === undefined) continue;
    const problem = headerNameIssue(header, path) ?? headerValueIssue(path, value, max);
    if (problem) issues.push(problem);
    else headers[header] = value;
  }
  if (issues.length) throw new StripeValidationError(issues, 'Invalid request options');
  return headers;
}
