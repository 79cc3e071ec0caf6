import type { Clock } from './clock.js';
import { errorFromResponse } from './error-from-response.js';
import { encodeForm } from './form-encode.js';
import { buildHeaders, type HeaderDefaults } from './headers.js';
import type { CallParams, ClientOperation } from './operation.js';
import { resolvePolicy, type RequestOptions } from './options.js';
import { rememberResponse } from './response-meta.js';
import { sendWithRetries, type RetryPolicy } from './send-with-retries.js';
import type { Send } from './send.js';
import { validateParams } from './validate-params.js';
import { validateResponse } from './validate-response.js';

/** What a client hands every call. */
export interface RequestContext {
  defaults: HeaderDefaults;
  policy: RetryPolicy;
  send: Send;
  clock: Clock;
  random: () => number;
  /** Makes an Idempotency-Key for a POST that was not given one. */
  newIdempotencyKey: () => string;
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
  options: RequestOptions = {},
): Promise<unknown> {
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
  if (response.status < 200 || response.status >= 300) throw errorFromResponse(response, idempotencyKey);
  const data = validateResponse(op, response, idempotencyKey);
  rememberResponse(data, response, idempotencyKey);
  return data;
}
