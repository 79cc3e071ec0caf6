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
  /**
   * The most body bytes to read. Past it the transport stops reading, and resolves with
   * `tooLarge: true` and an empty `body`, so a huge answer never fills memory.
   */
  maxResponseBytes: number;
}

/** A whole response: the client reads nothing else. */
export interface HttpResponse {
  status: number;
  /** Lower-case names, one string each (repeated headers joined with `, `). */
  headers: Record<string, string>;
  /** The body text exactly as received (`''` when there was none, or when it was too large). */
  body: string;
  /** Set when the body passed the request's `maxResponseBytes` and was not read. */
  tooLarge?: boolean;
  /**
   * The fetch `Response`, when the transport has one (its body already read). A transport that does
   * not leaves it out, and `responseMeta(result).response` is then rebuilt from the fields above.
   */
  response?: Response;
}

/**
 * Sends one request and reads its whole response. It resolves for every HTTP status, error statuses
 * and redirects included (a redirect must never be followed: the body and the key would go to
 * another host), and rejects only when no response came (DNS, refused, reset, TLS, or `signal`
 * fired): the client decides retries, timeouts and errors. `createClient({ transport })` takes one.
 * Without it a client uses `nodeTransport()` (from `stripe-customers/node`, node:http) on Node.js
 * and `fetchTransport()` everywhere else.
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
 * later. Redirects are not followed (`redirect: 'manual'`): Node's fetch then gives the 3xx itself,
 * a browser's an opaque redirect of status 0.
 */
export function fetchTransport(fetchOverride?: typeof fetch): Transport {
  return async ({ method, url, headers, body, signal, maxResponseBytes }) => {
    const response = await (fetchOverride ?? globalThis.fetch)(url, { method, headers, body, signal, redirect: 'manual' });
    const text = await readBody(response, maxResponseBytes);
    return {
      response,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: text ?? '',
      ...(text === undefined && { tooLarge: true }),
    };
  };
}

/** The body as text, or undefined when it has more than `max` bytes (then it is not read further). */
async function readBody(response: Response, max: number): Promise<string | undefined> {
  const length = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  // A plain Content-Length is the exact size fetch will read. A compressed body can inflate far
  // past it, so that one is counted as it is read.
  if (length !== null && (encoding === null || encoding === 'identity')) {
    if (Number(length) > max) {
      await response.body?.cancel();
      return undefined;
    }
    return response.text();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
