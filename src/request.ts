import { errorFromResponse } from './error-from-response.js';
import { encodeForm } from './form-encode.js';
import { buildHeaders, type HeaderDefaults, type RequestOptions } from './headers.js';
import type { CallParams, OperationSpec } from './operation.js';
import type { Send } from './transport.js';
import { validateParams } from './validate-params.js';
import { validateResponse } from './validate-response.js';

/** What a client hands every call: its header defaults and its transport. */
export interface RequestContext {
  defaults: HeaderDefaults;
  send: Send;
}

/**
 * One call, step by step: validate params and options, encode (nothing is sent if any of these
 * fail), send, then turn an error status into an error, or validate and return the body.
 */
export async function request(
  context: RequestContext,
  op: OperationSpec,
  params: CallParams,
  options: RequestOptions = {},
): Promise<unknown> {
  validateParams(op, params);
  const headers = buildHeaders(context.defaults, op.method, options);
  const encoded = {
    path: params.path,
    query: encodeForm(params.query ?? {}),
    body: op.method === 'post' ? encodeForm(params.body ?? {}) : undefined,
  };
  const response = await context.send(op, encoded, headers, options.signal);
  if (response.status < 200 || response.status >= 300) throw errorFromResponse(response);
  return validateResponse(op, response);
}
