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

/** How much of an error body that is not JSON (an HTML page from a proxy, say) is kept in `raw`. */
export const MAX_RAW_TEXT = 4096;

function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > MAX_RAW_TEXT ? `${text.slice(0, MAX_RAW_TEXT)}… (${text.length - MAX_RAW_TEXT} more characters not kept)` : text;
  }
}

/**
 * Turns a call into the transport's request: the URL is the base, the path with its ids
 * percent-encoded, and the query our Stripe form encoder already wrote; the body is that encoder's
 * text too. A transport that rejects (network failure, abort) is classified by the caller, which
 * knows which signal fired and whether to retry.
 */
export function createSend(baseUrl: string, transport: Transport, maxResponseBytes: number): Send {
  const base = baseUrl.replace(/\/+$/, '');
  return async (op, call, headers, signal) => {
    const url = `${base}${fillPath(op.path, call.path)}${call.query ? `?${call.query}` : ''}`;
    const method = op.method.toUpperCase();
    let response = await transport({ method, url, headers, body: call.body, signal, maxResponseBytes });
    // A custom transport that breaks its contract fails the attempt with words, not later with a
    // TypeError from deep inside the response checks.
    if (
      !Number.isInteger(response?.status) ||
      typeof response.body !== 'string' ||
      typeof response.headers !== 'object'
    ) {
      throw new TypeError('the transport must resolve to { status: integer, headers: object, body: string }');
    }
    // A transport that does not stop at the limit still gets the body refused here (every
    // character is at least one byte, so a longer string has more bytes than the limit).
    if (response.body.length > maxResponseBytes) response = { ...response, body: '', tooLarge: true };
    if (response.status >= 200 && response.status < 300) return response;
    return { ...response, errorBody: parseErrorBody(response.body) };
  };
}
