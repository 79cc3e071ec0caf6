/**
 * Stripe's error envelope and the mock's JSON responses. Error bodies follow
 * docs/stripe-wire.md#errors: `{error: {type, code?, param?, message}}`; every response carries a `Request-Id`.
 */

/** The `error` object of a Stripe error body. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error';
  code?: string;
  param?: string;
  message: string;
}

/** What an operation answers before headers are added: a status and a JSON body. */
export interface MockResult {
  status: number;
  body: unknown;
  /** Extra response headers (`WWW-Authenticate`, `Stripe-Should-Retry`, ...). */
  headers?: Record<string, string>;
}

/**
 * An error answer, thrown from deep inside decoding or an operation and turned into a response by
 * `handle.ts`, so helpers need not thread results back by hand.
 * @example throw new MockError(404, { type: 'invalid_request_error', code: 'resource_missing', message: '...' })
 */
export class MockError extends Error {
  override readonly name = 'MockError';
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }

  /** The error as a {@link MockResult}: `{error: {...}}` with its status. */
  toResult(): MockResult {
    return { status: this.status, body: { error: this.error }, headers: this.headers };
  }
}

/**
 * A 400 `invalid_request_error` about one parameter.
 * @example invalidParam('email', 'Invalid email address: jenny', 'email_invalid')
 */
export function invalidParam(param: string, message: string, code = 'parameter_invalid'): MockError {
  return new MockError(400, { type: 'invalid_request_error', code, param, message });
}

/**
 * Stripe's 404 for an id it does not know: `No such customer: 'cus_x'`.
 * @example throw resourceMissing('customer', 'cus_x')
 */
export function resourceMissing(what: string, id: string, param = 'id', status = 404): MockError {
  return new MockError(status, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${what}: '${id}'` });
}

/**
 * A finished response: JSON body, `Content-Type`, `Request-Id` and any extra headers.
 * @example jsonResponse({ status: 200, body: customer }, 'req_123')
 */
export function jsonResponse(result: MockResult, requestId: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { 'Content-Type': 'application/json', 'Request-Id': requestId, ...extra, ...result.headers },
  });
}
