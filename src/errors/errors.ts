/**
 * Every error this SDK throws extends {@link StripeError}. Errors that come from a Stripe response
 * carry Stripe's `type`, `code`, `param` and `message` plus `statusCode`, `requestId` and `headers`;
 * errors raised before anything is sent carry the `issues` that caused them.
 */

import type { $ZodIssue } from 'zod/v4/core';
import { formatPath, issueLines } from '../validation/issue-text.js';
import { redactCause, redactHeaders, redactKeys, redactKeysDeep } from './redact.js';

/**
 * One problem found in params or options (before sending) or in a response body (after receiving):
 * zod's own issue object (`code`, `path`, `message`, and whatever else zod gives for that code, such
 * as `keys` for `unrecognized_keys` or `maximum` for `too_big`), plus `field`, its path as text
 * (`invoice_settings.custom_fields[0].name`). Problems zod does not find (an option, an id, the form
 * encoding) are `code: 'custom'` issues of the same shape.
 */
export type ValidationIssue = $ZodIssue & {
  /** The path as a TypeScript reader writes it: `invoice_settings.custom_fields[0].name`. */
  readonly field: string;
};

/**
 * An issue for a problem zod does not check: `code: 'custom'`, the path, and the rule in words.
 * @example customIssue(['idempotencyKey'], 'at most 255 characters')
 */
export function customIssue(path: readonly (string | number)[], message: string): ValidationIssue {
  return { code: 'custom', path: [...path], message, field: formatPath(path) };
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
    this.idempotencyKey = text(fields.idempotencyKey);
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
    super({ message: `${what}:\n${issueLines(issues)}` });
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
