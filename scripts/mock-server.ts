import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMockCore, type CustomersMockCore, type MockOptions } from '../src/mock/core.js';

// The local mock server: the same fetch-style handler the MSW handlers use, behind node:http, so
// curl, other languages and other Stripe clients (stripe-node with host/port/protocol pointed
// here) see exactly what the MSW tests see.

/** Where and how to serve. */
export interface MockServerOptions extends MockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the mock has no authentication worth exposing beyond this machine. */
  host?: string;
}

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:<port>`: pass it as the client's `baseUrl`. */
  url: string;
  /** The mock behind the server: its store, faults, seed and reset. */
  mock: CustomersMockCore;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const DEFAULT_PORT = 12111; // stripe-mock's port, so setups written for it work unchanged.

/** node:http request to a fetch Request; the body is read for every method but GET and HEAD. */
async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    init.body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

async function serve(mock: CustomersMockCore, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await mock.handle(await toRequest(req, base));
    // A network fault: the client must see the connection die, not an HTTP answer.
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    const message = `The mock server failed: ${error instanceof Error ? error.message : String(error)}`;
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'api_error', message } }));
  }
}

/**
 * Starts the mock on `host:port` and resolves once it listens.
 * @example
 * const server = await startMockServer({ port: 0 });
 * const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: server.url });
 * await server.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options;
  const mock = createMockCore(mockOptions);
  let base = '';
  const server = createServer((req, res) => void serve(mock, base, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url: base, mock, close };
}

const USAGE = `Usage: npm run mock -- [--port <n>] [--host <address>] [--require-api-key]
  --port             port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host             address to bind (default 127.0.0.1)
  --require-api-key  answer 401 unless requests carry a test key (sk_test_... or rk_test_...)`;

/**
 * The CLI: starts the server, prints its URL, and runs until SIGINT or SIGTERM.
 * @example await main(['--port', '0'])
 */
export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'require-api-key': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  const server = await startMockServer({ port, host: values.host, requireApiKey: values['require-api-key'] });
  console.log(`Stripe Customers mock listening on ${server.url}`);
  console.log(`  try: curl ${server.url}/v1/customers -u sk_test_123: -d email=jenny@example.com -d "metadata[app_user_id]=u_42"`);
  console.log('  stop: Ctrl+C');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`mock: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(1);
  });
}
