/** One HTTP request as the client hands it to a {@link Transport}. */
export interface HttpRequest {
  /** Upper-case: `GET`, `POST`, `DELETE`. */
  method: string;
  /** Absolute: the base URL, the path with its ids percent-encoded, and the form-encoded query. */
  url: string;
  headers: Record<string, string>;
  /** The form-encoded body, for POST; `undefined` for methods that send none. */
  body: string | undefined;
  /** Fires on the caller's abort or the attempt's timeout; the transport must then stop and reject. */
  signal: AbortSignal;
}

/** A whole response: the client reads nothing else. */
export interface HttpResponse {
  status: number;
  /** Lower-case names, one string each (repeated headers joined with `, `). */
  headers: Record<string, string>;
  /** The body text exactly as received (`''` when there was none). */
  body: string;
  /**
   * The fetch `Response`, when the transport has one (its body already read). A transport that does
   * not leaves it out, and `responseMeta(result).response` is then rebuilt from the fields above.
   */
  response?: Response;
}

/**
 * Sends one request and reads its whole response. It resolves for every HTTP status, error statuses
 * included, and rejects only when no response came (DNS, refused, reset, TLS, or `signal` fired):
 * the client decides retries, timeouts and errors. `createClient({ transport })` takes one;
 * `fetchTransport` is the default, and `nodeTransport` (from `stripe-customers/node`) sends with
 * node:http.
 * @example
 * const logged: Transport = async (request) => {
 *   const response = await fetchTransport()(request);
 *   console.log(request.method, request.url, response.status);
 *   return response;
 * };
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * The transport over `fetch`, called as `fetch(url, init)`: no `Request` is built first (fetch would
 * only wrap it again). This is the only place that touches `fetch`. Without `fetchOverride`,
 * `globalThis.fetch` is looked up on every call, not at creation, so MSW or a test can install it
 * later.
 */
export function fetchTransport(fetchOverride?: typeof fetch): Transport {
  return async ({ method, url, headers, body, signal }) => {
    const response = await (fetchOverride ?? globalThis.fetch)(url, { method, headers, body, signal });
    return {
      response,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };
}
