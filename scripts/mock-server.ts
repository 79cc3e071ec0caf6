import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMockCore, type CustomersMockCore, type MockOptions } from '../src/mock/core.js';
import type { MockRequest } from '../src/mock/handle.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_OBJECTS } from '../src/mock/limits.js';

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

/**
 * The CLI's port: next to stripe-mock's 12111 (HTTP) and 12112 (HTTPS), so it still reads as a
 * Stripe mock, but not on them, since projects often run stripe-mock for the rest of the API
 * alongside this one and the second server to start would fail.
 */
export const DEFAULT_PORT = 12115;

/** The command as a user who installed the package runs it; the usage names it unless told otherwise. */
export const INSTALLED_COMMAND = 'npx stripe-customers mock';
/** The command in this repository, where `npm run mock` runs the TypeScript source. */
export const REPOSITORY_COMMAND = 'npm run mock --';

/**
 * The body as a stream the mock pulls from, a chunk at a time, so it reads no more than its limit.
 * Cancelling leaves the request paused rather than destroyed: the socket must live to carry the 413.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The node:http request as the mock reads it; its body stays unread until the mock asks. */
function toRequest(req: IncomingMessage, base: string): MockRequest {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', base).href, headers, body: bodyStream(req) };
}

async function serve(mock: CustomersMockCore, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await mock.handle(toRequest(req, base));
    // A network fault: the client must see the connection die, not an HTTP answer.
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    const headers = Object.fromEntries(response.headers);
    // A body the mock did not read to its end (too large, or not needed for the answer) may still
    // be arriving: close the connection once the answer is out rather than receive the rest.
    if (response.status === 413 || !req.complete) {
      headers['connection'] = 'close';
      res.once('finish', () => req.socket.destroy());
    }
    res.writeHead(response.status, headers);
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
  const maxBodyBytes = mockOptions.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let base = '';
  const server = createServer((req, res) => void serve(mock, base, req, res));
  // `Expect: 100-continue` (curl sends it for large bodies): invite the body only when it may fit,
  // else the mock answers 413 from the Content-Length and the client never sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (!(declared > maxBodyBytes)) res.writeContinue();
    void serve(mock, base, req, res);
  });
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

/**
 * The CLI's help, naming `command` as the user types it.
 * @example usage(INSTALLED_COMMAND) // 'Usage: npx stripe-customers mock [--port <n>] ...'
 */
export function usage(command: string): string {
  return `Usage: ${command} [--port <n>] [--host <address>] [--require-api-key] [--max-body-bytes <n>] [--max-objects <n>]
  Serves a stateful mock of Stripe's Customers API, test mode only, over HTTP until Ctrl+C.
  --port             port to listen on (default ${DEFAULT_PORT}, beside stripe-mock's 12111 so both can run;
                     0 picks a free one)
  --host             address to bind (default 127.0.0.1)
  --require-api-key  answer 401 unless requests carry a test key (sk_test_... or rk_test_...);
                     without it a request with no key is served. Live keys are refused either way.
  --max-body-bytes   largest request body accepted (default ${DEFAULT_MAX_BODY_BYTES}); larger is a 413
  --max-objects      most objects held, customers and what they own, all accounts together
                     (default ${DEFAULT_MAX_OBJECTS}); one more is a 400 with code mock_object_limit
                     until some are deleted
  Bodies are form-encoded, as Stripe takes them, with bracket keys for nested params:
    email=a%40example.com&metadata[app_user_id]=u_42   (a JSON body is a 400)
  Stripe-Account: acct_... scopes customers, what they own and idempotency keys to that connected
  account; without the header a request acts for the platform.`;
}

/** A whole-number flag value, or a thrown error naming the flag. */
function count(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) throw new Error(`--${flag} must be an integer from 0 to ${max}, got '${text}'`);
  return value;
}

/** How {@link main} names itself in its usage. */
export interface MainOptions {
  /** The command the user typed: {@link INSTALLED_COMMAND} (the default) or {@link REPOSITORY_COMMAND}. */
  command?: string;
}

/** The flags as server options (none for `--help`), or a thrown error that carries the usage. */
function parseFlags(argv: readonly string[], command: string): { help: true } | { help: false; options: MockServerOptions } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: '127.0.0.1' },
        'require-api-key': { type: 'boolean', default: false },
        'max-body-bytes': { type: 'string', default: String(DEFAULT_MAX_BODY_BYTES) },
        'max-objects': { type: 'string', default: String(DEFAULT_MAX_OBJECTS) },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) return { help: true };
    const options: MockServerOptions = {
      port: count('port', values.port, 65535),
      host: values.host,
      requireApiKey: values['require-api-key'],
      maxBodyBytes: count('max-body-bytes', values['max-body-bytes']),
      maxObjects: count('max-objects', values['max-objects']),
    };
    return { help: false, options };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${usage(command)}`);
  }
}

/**
 * The CLI: starts the server, prints its URL, and runs until SIGINT or SIGTERM. `--help` prints
 * the usage; a bad flag throws an error that ends with it.
 * @example await main(['--port', '0'], { command: REPOSITORY_COMMAND })
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<void> {
  const { command = INSTALLED_COMMAND } = options;
  const flags = parseFlags(argv, command);
  if (flags.help) return void console.log(usage(command));
  const { port, host } = flags.options;
  const server = await startMockServer(flags.options).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(`port ${port} on ${host} is in use: stop what holds it, or pick another with --port <n> (0 picks a free one)`);
  });
  console.log(`Stripe Customers mock listening on ${server.url}`);
  console.log(`  try: curl ${server.url}/v1/customers -u sk_test_123: -d email=jenny@example.com -d "metadata[app_user_id]=u_42"`);
  console.log('  stop: Ctrl+C');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run directly: as the TypeScript source that is `npm run mock` in this repository, or as the
// built file of an installed package (the bin imports `main` instead, and so does not get here).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const command = import.meta.url.endsWith('.ts') ? REPOSITORY_COMMAND : INSTALLED_COMMAND;
  main(process.argv.slice(2), { command }).catch((error: unknown) => {
    console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
