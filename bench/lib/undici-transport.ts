import { flatHeaders } from '../../src/http/node-transport.js';
import type { Transport } from '../../src/http/transport.js';
import type { Dispatcher } from './transports.js';

// An experiment for the end-to-end benchmark: a `Transport` (what `createClient({ transport })`
// takes) over undici's own `Dispatcher.request`, the HTTP engine under Node's fetch without the
// fetch layer. Shipping it would need `undici` as a dependency, since Node 20 does not export it
// (lib/transports.ts reaches the bundled copy through its global dispatcher, fine for a benchmark).

/** A transport sending through `dispatcher` with undici's request API. */
export function undiciTransport(dispatcher: Dispatcher): Transport {
  return async ({ method, url, headers, body, signal }) => {
    const { origin, pathname, search } = new URL(url);
    const res = await dispatcher.request({ origin, path: pathname + search, method, headers, body, signal });
    return { status: res.statusCode, headers: flatHeaders(res.headers), body: await res.body.text() };
  };
}
