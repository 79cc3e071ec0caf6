import type { EncodedCall, OperationRoute } from './operation.js';
import type { HttpResponse, Transport } from './transport.js';

/** A response as the later steps need it: the transport's, with an error status's body parsed. */
export interface RawResponse extends HttpResponse {
  /** For error statuses: the body already parsed as JSON, or the text when it was not JSON. */
  errorBody?: unknown;
}

/** Sends one attempt of a call. */
export type Send = (
  op: OperationRoute,
  call: EncodedCall,
  headers: Record<string, string>,
  signal: AbortSignal,
) => Promise<RawResponse>;

const PATH_PARAM = /\{([^}]+)\}/g;

/** `/v1/customers/{customer}` with each id percent-encoded into its place. */
export function fillPath(template: string, params: Readonly<Record<string, string>> | undefined): string {
  return template.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
}

function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Turns a call into the transport's request: the URL is the base, the path with its ids
 * percent-encoded, and the query our Stripe form encoder already wrote; the body is that encoder's
 * text too. A transport that rejects (network failure, abort) is classified by the caller, which
 * knows which signal fired and whether to retry.
 */
export function createSend(baseUrl: string, transport: Transport): Send {
  const base = baseUrl.replace(/\/+$/, '');
  return async (op, call, headers, signal) => {
    const url = `${base}${fillPath(op.path, call.path)}${call.query ? `?${call.query}` : ''}`;
    const response = await transport({ method: op.method.toUpperCase(), url, headers, body: call.body, signal });
    // A custom transport that breaks its contract fails the attempt with words, not later with a
    // TypeError from deep inside the response checks.
    if (
      !Number.isInteger(response?.status) ||
      typeof response.body !== 'string' ||
      typeof response.headers !== 'object'
    ) {
      throw new TypeError('the transport must resolve to { status: integer, headers: object, body: string }');
    }
    if (response.status >= 200 && response.status < 300) return response;
    return { ...response, errorBody: parseErrorBody(response.body) };
  };
}
