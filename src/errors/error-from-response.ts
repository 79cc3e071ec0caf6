import {
  StripeAPIError,
  StripeAuthenticationError,
  StripeCardError,
  StripeConflictError,
  StripeError,
  StripeIdempotencyError,
  StripeInvalidRequestError,
  StripeNotFoundError,
  StripePermissionError,
  StripeRateLimitError,
  StripeRedirectError,
} from './errors.js';
import type { HttpResponse } from '../http/transport.js';

type ErrorClass = new (fields: ConstructorParameters<typeof StripeError>[0]) => StripeError;

const BY_STATUS: Readonly<Record<number, ErrorClass>> = {
  400: StripeInvalidRequestError,
  401: StripeAuthenticationError,
  402: StripeCardError,
  403: StripePermissionError,
  404: StripeNotFoundError,
  409: StripeConflictError,
  429: StripeRateLimitError,
};

const BY_TYPE: Readonly<Record<string, ErrorClass>> = {
  card_error: StripeCardError,
  invalid_request_error: StripeInvalidRequestError,
  api_error: StripeAPIError,
};

/**
 * Which class an error response becomes. An `idempotency_error` is always that (whatever the
 * status), then the status decides (401 authentication, 404 not found, 429 rate limit, ...), then
 * Stripe's `type`; anything else is a server-side {@link StripeAPIError} (5xx) or an invalid request (4xx).
 */
export function errorClassFor(status: number, type: string | undefined): ErrorClass {
  // Whatever a redirect's body claims, it is a redirect (status 0 is a browser's opaque redirect).
  if (isRedirect(status)) return StripeRedirectError;
  if (type === 'idempotency_error') return StripeIdempotencyError;
  const byStatus = BY_STATUS[status];
  if (byStatus) return byStatus;
  if (status >= 500) return StripeAPIError;
  return (type !== undefined && BY_TYPE[type]) || (status >= 400 && status < 500 ? StripeInvalidRequestError : StripeAPIError);
}

/**
 * A 3xx, or 0: with `redirect: 'manual'` a browser's fetch hides a redirect's status and Location
 * behind an "opaque redirect" of status 0. Stripe's API never redirects.
 */
export function isRedirect(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** What a call sent, as its errors report it. */
export interface Sent {
  /** `POST /v1/customers`: the method and the path template. */
  what: string;
  /** The `Idempotency-Key` the call sent, if it was a POST. */
  idempotencyKey: string | undefined;
  /** Masked by value wherever they appear in the error. */
  secrets: readonly string[];
}

/** How much of an error body that is not JSON (an HTML page from a proxy, say) is kept in `raw`. */
export const MAX_RAW_TEXT = 4096;

/** Cut to {@link MAX_RAW_TEXT} characters, saying how much was left out. */
export function shortened(text: string): string {
  return text.length > MAX_RAW_TEXT ? `${text.slice(0, MAX_RAW_TEXT)}… (${text.length - MAX_RAW_TEXT} more characters not kept)` : text;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return shortened(text);
  }
}

/**
 * The one function that turns an error response into an error: the class from status and type, and
 * Stripe's `error` fields (type, code, param, message, decline code, doc URL) with status, request id
 * and headers. A body that is not Stripe's error JSON (an HTML 502 page, say) still becomes an error.
 */
export function errorFromResponse(response: HttpResponse, sent?: Partial<Sent>): StripeError {
  const parsed = parseBody(response.body);
  const body = parsed !== null && typeof parsed === 'object' ? (parsed as { error?: unknown }).error : undefined;
  const error = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const requestId = response.headers['request-id'];
  const type = text(error.type);
  const ErrorType = errorClassFor(response.status, type);
  const stripeMessage =
    ErrorType === StripeRedirectError
      ? redirectMessage(response.headers['location'])
      : (text(error.message) ?? (body === undefined ? 'the response body was not a Stripe error' : 'no message'));
  return new ErrorType({
    message: `${stripeMessage} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''})`,
    type,
    code: text(error.code),
    param: text(error.param),
    declineCode: text(error.decline_code),
    docUrl: text(error.doc_url),
    statusCode: response.status,
    requestId,
    headers: response.headers,
    raw: parsed ?? response.body,
    idempotencyKey: sent?.idempotencyKey,
    secrets: sent?.secrets,
  });
}

function redirectMessage(location: string | undefined): string {
  const where = location === undefined ? '' : ` to ${JSON.stringify(location.length > 200 ? `${location.slice(0, 200)}…` : location)}`;
  return (
    `the server answered with a redirect${where}, which Stripe's API never sends; it was not followed, ` +
    'so the body, the key, Stripe-Account and the Idempotency-Key went nowhere else (check baseUrl and any proxy)'
  );
}
