import type { Clock } from '../client/clock.js';
import { errorFromResponse } from '../errors/error-from-response.js';
import { StripeResponseTooLargeError } from '../errors/errors.js';
import { encodeForm } from '../wire/form-encode.js';
import { buildHeaders, type HeaderDefaults } from './headers.js';
import type { CallParams, ClientOperation } from './operation.js';
import { checkRequestOptions, resolvePolicy, type RequestOptions } from '../client/options.js';
import { rememberResponse } from './response-meta.js';
import { sendWithRetries, type RetryPolicy } from './send-with-retries.js';
import type { RawResponse, Send } from './send.js';
import { validateParams } from '../validation/validate-params.js';
import { validateResponse } from '../validation/validate-response.js';

/** What a client hands every call. */
export interface RequestContext {
  defaults: HeaderDefaults;
  policy: RetryPolicy;
  send: Send;
  clock: Clock;
  random: () => number;
  /** Makes an Idempotency-Key for a POST that was not given one. */
  newIdempotencyKey: () => string;
  /** Masked by value in every error (the API key, and the key as Basic credentials). */
  secrets: readonly string[];
  /** The largest response body read, in bytes (the transport stops there). */
  maxResponseBytes: number;
}

/**
 * One call, step by step: validate params and options, pick the Idempotency-Key (once per call),
 * build headers and encode (nothing is sent if any of these fail), send with retries, then turn an
 * error status into an error, or validate and return the body.
 */
export async function request(
  context: RequestContext,
  op: ClientOperation,
  params: CallParams,
  givenOptions?: RequestOptions,
): Promise<unknown> {
  const options = checkRequestOptions(givenOptions);
  validateParams(op, params);
  const policy = resolvePolicy(context.policy, options);
  const idempotencyKey = op.method === 'post' ? (options.idempotencyKey ?? context.newIdempotencyKey()) : undefined;
  const headers = buildHeaders(context.defaults, op.method, { ...options, idempotencyKey });
  const encoded = {
    path: params.path,
    query: encodeForm(params.query ?? {}),
    body: op.method === 'post' ? encodeForm(params.body ?? {}) : undefined,
  };
  const response = await sendWithRetries(context, op, encoded, headers, policy, options.signal);
  if (response.status < 200 || response.status >= 300) throw errorFromResponse(response, idempotencyKey, context.secrets);
  if (response.tooLarge) throw tooLarge(op, response, context, idempotencyKey);
  const data = validateResponse(op, response, idempotencyKey, context.secrets);
  rememberResponse(data, response, idempotencyKey);
  return data;
}

function tooLarge(op: ClientOperation, response: RawResponse, context: RequestContext, idempotencyKey: string | undefined) {
  const requestId = response.headers['request-id'];
  return new StripeResponseTooLargeError({
    message:
      `Stripe's response to ${op.method.toUpperCase()} ${op.path} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''}) ` +
      `is larger than maxResponseBytes (${context.maxResponseBytes} bytes), so it was not read; the call itself did happen`,
    statusCode: response.status,
    requestId,
    headers: response.headers,
    idempotencyKey,
    maxResponseBytes: context.maxResponseBytes,
    secrets: context.secrets,
  });
}
