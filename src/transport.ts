import type { EncodedCall, OperationRoute } from './operation.js';

/** A response as the later steps need it: status, headers (lower-case names) and the body text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body exactly as received ('' when there was none). */
  body: string;
  /** For error statuses: the body already parsed as JSON, or the text when it was not JSON. */
  errorBody?: unknown;
  /** The fetch `Response` itself (its body already read). */
  response: Response;
}

/** Sends one request. */
export type Send = (
  op: OperationRoute,
  call: EncodedCall,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
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
 * The only place that touches `fetch`, called as `fetch(url, init)`: the URL is the base, the path
 * with its ids percent-encoded, and the query our Stripe form encoder already wrote; the body is that
 * encoder's text too. No `Request` is built first (fetch would only wrap it again), which is most of
 * what a call costs on top of fetch itself (see bench/RESULTS.md). `fetch` is looked up on every
 * call, not at creation, so MSW or a test can install it later.
 */
export function createTransport(baseUrl: string, fetchOverride: typeof fetch | undefined): Send {
  const base = baseUrl.replace(/\/+$/, '');
  return async (op, call, headers, signal) => {
    const url = `${base}${fillPath(op.path, call.path)}${call.query ? `?${call.query}` : ''}`;
    // A fetch that throws (network failure, abort) is classified by the caller, which knows which
    // signal fired and whether to retry.
    const response = await (fetchOverride ?? globalThis.fetch)(url, {
      method: op.method.toUpperCase(),
      headers,
      body: call.body,
      signal: signal ?? null,
    });
    const body = await response.text();
    const raw: RawResponse = { response, status: response.status, headers: Object.fromEntries(response.headers), body };
    if (!response.ok) raw.errorBody = parseErrorBody(body);
    return raw;
  };
}
