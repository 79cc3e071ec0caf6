/**
 * Every error this SDK throws extends {@link StripeError}. Errors that come from a Stripe response
 * carry Stripe's `type`, `code`, `param` and `message` plus `statusCode`, `requestId` and `headers`;
 * errors raised before anything is sent carry the `issues` that caused them.
 */

/** One problem found in params (before sending) or in a response body (after receiving). */
export interface ValidationIssue {
  /** Segments from the root: `['invoice_settings', 'custom_fields', 0, 'name']`. */
  readonly path: readonly (string | number)[];
  /** The same path as text: `invoice_settings.custom_fields[0].name`. */
  readonly field: string;
  /** The rule that was broken, in words: `at most 30 characters`. */
  readonly rule: string;
}

/** The fields an error can carry; all but `message` are optional. */
export interface StripeErrorFields {
  message: string;
  type?: string | undefined;
  code?: string | undefined;
  param?: string | undefined;
  declineCode?: string | undefined;
  docUrl?: string | undefined;
  statusCode?: number | undefined;
  requestId?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  raw?: unknown;
  idempotencyKey?: string | undefined;
  cause?: unknown;
}

// Secret and restricted keys look like sk_live_..., rk_test_...; publishable keys are not secret
// but are masked too so a message never carries any key material.
const KEY_PATTERN = /\b([spr]k_(?:live|test)_)[A-Za-z0-9_*-]+/g;

/** Masks anything shaped like a Stripe API key: `sk_test_abc123` becomes `sk_test_***`. */
export function redactKeys(text: string): string {
  return text.replace(KEY_PATTERN, '$1***');
}

/** {@link redactKeys} applied to every string inside a JSON value (an error body, say). */
export function redactKeysDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactKeys(value);
  if (value === null || typeof value !== 'object') return value;
  return JSON.parse(redactKeys(JSON.stringify(value)));
}

/** Root of every error thrown by stripe-customers. */
export class StripeError extends Error {
  override readonly name: string = 'StripeError';
  /** Stripe's error type: `invalid_request_error`, `card_error`, `api_error`, `idempotency_error`. */
  readonly type: string | undefined;
  /** Stripe's machine-readable code, such as `resource_missing` or `parameter_unknown`. */
  readonly code: string | undefined;
  /** The parameter the error relates to, in Stripe's bracket form: `address[line1]`. */
  readonly param: string | undefined;
  /** For card errors, the issuer's reason. */
  readonly declineCode: string | undefined;
  /** A link to Stripe's documentation for `code`. */
  readonly docUrl: string | undefined;
  /** The HTTP status, when the error came from a response. */
  readonly statusCode: number | undefined;
  /** The `Request-Id` header of the response, for Stripe support and the dashboard logs. */
  readonly requestId: string | undefined;
  /** The response headers (lower-case names), when the error came from a response. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The parsed error body (or raw text) Stripe returned, when there was one. */
  readonly raw: unknown;
  /** The `Idempotency-Key` the call sent (every attempt of a POST sends the same one). */
  readonly idempotencyKey: string | undefined;

  constructor(fields: StripeErrorFields) {
    super(redactKeys(fields.message), fields.cause === undefined ? undefined : { cause: fields.cause });
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.declineCode = fields.declineCode;
    this.docUrl = fields.docUrl;
    this.statusCode = fields.statusCode;
    this.requestId = fields.requestId;
    this.headers = fields.headers;
    this.raw = redactKeysDeep(fields.raw);
    this.idempotencyKey = fields.idempotencyKey;
  }

  /** A plain summary for logs; it never includes the API key or the request. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      type: this.type,
      code: this.code,
      param: this.param,
      statusCode: this.statusCode,
      requestId: this.requestId,
      idempotencyKey: this.idempotencyKey,
    };
  }
}

/** Stripe rejected the request as invalid (HTTP 400, or `type: invalid_request_error`). */
export class StripeInvalidRequestError extends StripeError {
  override readonly name: string = 'StripeInvalidRequestError';
}

/** The object does not exist (HTTP 404, usually `code: resource_missing`). */
export class StripeNotFoundError extends StripeInvalidRequestError {
  override readonly name: string = 'StripeNotFoundError';
}

/** The API key is missing, wrong or revoked (HTTP 401). */
export class StripeAuthenticationError extends StripeError {
  override readonly name: string = 'StripeAuthenticationError';
}

/** A card could not be charged (HTTP 402, or `type: card_error`). */
export class StripeCardError extends StripeError {
  override readonly name: string = 'StripeCardError';
}

/** The key may not perform this request (HTTP 403). */
export class StripePermissionError extends StripeError {
  override readonly name: string = 'StripePermissionError';
}

/** The request conflicted with another one on the same object (HTTP 409). */
export class StripeConflictError extends StripeError {
  override readonly name: string = 'StripeConflictError';
}

/** An Idempotency-Key was reused with different parameters (`type: idempotency_error`). */
export class StripeIdempotencyError extends StripeError {
  override readonly name: string = 'StripeIdempotencyError';
}

/** Too many requests too quickly (HTTP 429). */
export class StripeRateLimitError extends StripeError {
  override readonly name: string = 'StripeRateLimitError';
}

/** Stripe failed on its side (HTTP 5xx, or `type: api_error`). */
export class StripeAPIError extends StripeError {
  override readonly name: string = 'StripeAPIError';
}

/** The request never got a response: DNS, connection refused or reset, TLS failure. `cause` says which. */
export class StripeConnectionError extends StripeError {
  override readonly name: string = 'StripeConnectionError';
}

/** No response within the per-attempt `timeout`, or the call's `deadline` passed. Retried like a connection failure. */
export class StripeTimeoutError extends StripeConnectionError {
  override readonly name: string = 'StripeTimeoutError';
}

/** The caller's `AbortSignal` fired. Never retried; `cause` is the signal's reason. */
export class StripeAbortError extends StripeError {
  override readonly name: string = 'StripeAbortError';
}

/** Params broke the schema; nothing was sent. `issues` lists every problem. */
export class StripeValidationError extends StripeError {
  override readonly name: string = 'StripeValidationError';
  /** Every problem found, each with its path and rule. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'Invalid params') {
    super({ message: `${what}:\n${issues.map((i) => `  ${i.field}: ${i.rule}`).join('\n')}` });
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** A response contradicted the schema (or was not JSON at all). The body is kept in `rawBody`. */
export class StripeResponseValidationError extends StripeError {
  override readonly name: string = 'StripeResponseValidationError';
  /** What was wrong with the body; empty when it could not be parsed at all. */
  readonly issues: readonly ValidationIssue[];
  /** The response body as received (anything shaped like an API key masked). */
  readonly rawBody: string;

  constructor(fields: StripeErrorFields & { issues: readonly ValidationIssue[]; rawBody: string }) {
    super(fields);
    this.issues = fields.issues;
    this.rawBody = redactKeys(fields.rawBody);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
