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
  /**
   * Values masked by value wherever they appear in the error (the client passes its API key, and
   * the key as HTTP Basic credentials), on top of masking anything shaped like a key.
   */
  secrets?: readonly string[] | undefined;
}

// Secret and restricted keys look like sk_live_..., rk_test_...; publishable keys are not secret
// but are masked too so a message never carries any key material. No word boundary is required
// before the prefix: a key echoed as `Bearer%20sk_test_...`, `x=sk_test_...` or `_sk_test_...` is
// still a key.
const KEY_PATTERN = /([spr]k_(?:live|test)_)[A-Za-z0-9_*-]+/g;

/**
 * Masks anything shaped like a Stripe API key (`sk_test_abc123` becomes `sk_test_***`), wherever it
 * stands in the text, and every one of `secrets` by value.
 */
export function redactKeys(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(KEY_PATTERN, '$1***');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('***');
  return out;
}

// Deeper than any body Stripe sends; a hostile body nested deeper is cut there instead of
// overflowing the stack while an error is being built.
const MAX_DEPTH = 64;

/** {@link redactKeys} applied to every string inside a value (an error body, say), keys included. */
export function redactKeysDeep(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactKeys(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactKeysDeep(item, secrets, depth + 1));
  // Own keys written with defineProperty: a key named `__proto__` stays plain data.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    Object.defineProperty(copy, redactKeys(key, secrets), { value: redactKeysDeep(item, secrets, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * The cause as given when nothing in it needs masking; otherwise a copy of it, with the same name,
 * message, stack, own fields and causes, masked. An error from a transport can quote the request it
 * failed on, Authorization header included, and `util.inspect(error)` prints the whole cause chain.
 */
function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof cause === 'string') return redactKeys(cause, secrets);
  if (!(cause instanceof Error) || depth > 8) return cause;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(cause)) fields[key] = (cause as unknown as Record<string, unknown>)[key];
  const inner = redactCause(cause.cause, secrets, depth + 1);
  const masked = redactKeysDeep(fields, secrets) as Record<string, unknown>;
  const message = redactKeys(cause.message, secrets);
  const stack = cause.stack === undefined ? undefined : redactKeys(cause.stack, secrets);
  const same =
    inner === cause.cause && message === cause.message && stack === cause.stack &&
    JSON.stringify(masked) === JSON.stringify(fields);
  if (same) return cause;
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  Object.assign(copy, masked);
  Object.defineProperty(copy, 'name', { value: cause.name, enumerable: false, writable: true, configurable: true });
  if (stack !== undefined) copy.stack = stack;
  return copy;
}

function redactHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  secrets: readonly string[],
): Readonly<Record<string, string>> | undefined {
  return headers === undefined ? undefined : (redactKeysDeep(headers, secrets) as Record<string, string>);
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
    const secrets = fields.secrets ?? [];
    const cause = redactCause(fields.cause, secrets);
    super(redactKeys(fields.message, secrets), cause === undefined ? undefined : { cause });
    const text = (value: string | undefined) => (value === undefined ? undefined : redactKeys(value, secrets));
    this.type = text(fields.type);
    this.code = text(fields.code);
    this.param = text(fields.param);
    this.declineCode = text(fields.declineCode);
    this.docUrl = text(fields.docUrl);
    this.statusCode = fields.statusCode;
    this.requestId = text(fields.requestId);
    this.headers = redactHeaders(fields.headers, secrets);
    this.raw = redactKeysDeep(fields.raw, secrets);
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

/**
 * Stripe answered with a redirect (HTTP 3xx), which it never does: something between the client and
 * Stripe (a proxy, a hijacked DNS name, a wrong `baseUrl`) wants the request sent elsewhere. It is
 * never followed, because the form body, the key, `Stripe-Account` and the `Idempotency-Key` would
 * go to that other host, and never retried. `location` is where it pointed.
 */
export class StripeRedirectError extends StripeError {
  override readonly name: string = 'StripeRedirectError';
  /** The `Location` header of the redirect (anything shaped like a key masked), if it had one. */
  readonly location: string | undefined;

  constructor(fields: StripeErrorFields) {
    super(fields);
    this.location = this.headers?.['location'];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/**
 * A success response whose body was larger than the client's `maxResponseBytes` (20 MB unless set):
 * it was not read, so nothing huge was held in memory. The call did happen, so it is not retried.
 */
export class StripeResponseTooLargeError extends StripeError {
  override readonly name: string = 'StripeResponseTooLargeError';
  /** The limit that was passed, in bytes. */
  readonly maxResponseBytes: number;

  constructor(fields: StripeErrorFields & { maxResponseBytes: number }) {
    super(fields);
    this.maxResponseBytes = fields.maxResponseBytes;
  }
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
    this.issues = redactKeysDeep(fields.issues, fields.secrets) as ValidationIssue[];
    this.rawBody = redactKeys(fields.rawBody, fields.secrets);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
