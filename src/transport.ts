import createFetchClient from 'openapi-fetch';
import type { paths } from '../generated/types.js';
import type { EncodedCall, OperationSpec } from './operation.js';

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
  op: OperationSpec,
  call: EncodedCall,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
) => Promise<RawResponse>;

/**
 * The only place that touches `fetch`. openapi-fetch (typed by the generated `paths`) builds the URL,
 * percent-encodes path ids and sends; query and body arrive already encoded by our Stripe form
 * encoder, so its serializers pass them through. `fetch` is looked up on every call, not at
 * creation, so MSW or a test can install it later.
 */
export function createTransport(baseUrl: string, fetchOverride: typeof fetch | undefined): Send {
  const client = createFetchClient<paths>({
    baseUrl,
    fetch: (input) => (fetchOverride ?? globalThis.fetch)(input),
    querySerializer: (query) => (typeof query === 'string' ? query : ''),
    bodySerializer: (body) => body as unknown as string,
  });
  // The client is typed per literal path; operations arrive as table entries, so call it untyped here.
  const request = client.request as unknown as (
    method: string,
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

  return async (op, call, headers, signal) => {
    // A fetch that throws (network failure, abort) is classified by the caller, which knows which
    // signal fired and whether to retry.
    const result = await request(op.method, op.path, {
      params: { path: call.path, query: call.query },
      body: call.body,
      headers,
      signal,
      parseAs: 'text',
    });
    const { response } = result;
    const raw: RawResponse = {
      response,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: typeof result.data === 'string' ? result.data : '',
    };
    if (!response.ok) {
      raw.errorBody = result.error;
      raw.body = typeof result.error === 'string' ? result.error : result.error === undefined ? '' : JSON.stringify(result.error);
    }
    return raw;
  };
}
