import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';

// Alternative `fetch` functions for the end-to-end investigation, each passed to our client through
// its `fetch` option (the client itself is unchanged), and the node:http and undici floors.
//
// Node 20 bundles undici (it is what `fetch` runs on) but does not export it, and `undici` is not a
// dependency here. Its `Agent` class is still reachable: the first fetch installs undici's global
// dispatcher under `Symbol.for('undici.globalDispatcher.1')`, and that object's constructor is
// `Agent`. That is enough to build a dispatcher with other settings and pass it to fetch as the
// (undocumented in lib.dom, supported by Node) `dispatcher` init option.

/** The parts of undici's Agent options this benchmark sets. */
export interface AgentOptions {
  connections?: number | null;
  pipelining?: number;
  keepAliveTimeout?: number;
  keepAliveMaxTimeout?: number;
}

/** What undici's `Dispatcher.request` resolves to, as far as this benchmark reads it. */
export interface DispatcherResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: { text(): Promise<string> };
}

/** An undici dispatcher, as far as this benchmark uses it. */
export interface Dispatcher {
  /** undici's own request API: the HTTP engine fetch runs on, without the WHATWG fetch layer. */
  request(options: {
    origin: string;
    path: string;
    method: string;
    headers: Record<string, string>;
    body?: string | undefined;
    signal?: AbortSignal | undefined;
  }): Promise<DispatcherResponse>;
  close(): Promise<void>;
}

/** A new undici Agent (keep-alive connection pool) from Node's bundled undici. */
export async function newUndiciAgent(options: AgentOptions): Promise<Dispatcher> {
  const key = Symbol.for('undici.globalDispatcher.1');
  // Loading undici (any fetch does it, a data: URL needs no network) installs the global Agent.
  if (!(key in globalThis)) await (await fetch('data:,')).text();
  const global = (globalThis as Record<symbol, unknown>)[key] as object | undefined;
  const Agent = global?.constructor as (new (options: AgentOptions) => Dispatcher) | undefined;
  if (!Agent || Agent.name !== 'Agent') throw new Error("cannot reach Node's bundled undici Agent");
  return new Agent(options);
}

/** `fetch` sending through `dispatcher` instead of the global one. */
export function fetchWithDispatcher(dispatcher: Dispatcher): typeof fetch {
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/**
 * A `fetch` built on node:http with a keep-alive agent, as stripe-node's default client is. It takes
 * what our transport passes, `fetch(url, init)` with a string URL and headers as a plain object, and
 * sends that with `http.request` (no `Request` is built), then wraps the answer in a `Response`, as
 * any `fetch` must. So against our client over global fetch only the HTTP engine and the Request
 * change; against `nodeTransport` (src/node-transport.ts), only the Response and Headers objects
 * remain. http: only, GET and POST with a string body, for the benchmark.
 */
export function nodeHttpFetch(agent = new HttpAgent({ keepAlive: true })): typeof fetch {
  return async (input, init) => {
    if (typeof input !== 'string') throw new TypeError('nodeHttpFetch takes fetch(url: string, init)');
    const url = new URL(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = typeof init?.body === 'string' ? init.body : undefined;
    return new Promise<Response>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: init?.method ?? 'GET',
          headers,
          agent,
          signal: init?.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: toHeaders(res) })),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}

/** GET `url` with node:http and a keep-alive agent, and parse the JSON: the floor for node:http. */
export function nodeHttpGetJson(agent: HttpAgent, url: URL, headers: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** GET `url` with undici's `Dispatcher.request` and parse the JSON: undici without the fetch layer. */
export async function undiciGetJson(
  dispatcher: Dispatcher,
  url: URL,
  headers: Record<string, string>,
): Promise<unknown> {
  const { body } = await dispatcher.request({ origin: url.origin, path: url.pathname, method: 'GET', headers });
  return JSON.parse(await body.text());
}
