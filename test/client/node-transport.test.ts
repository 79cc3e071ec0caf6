// nodeTransport against real servers on 127.0.0.1 (http, and https with a self-signed certificate
// in test/support/tls/): what goes over the socket, keep-alive, every way a response can fail, and
// the client's retries and errors on top: real sockets. Last, the same transport under MSW.
import { readFileSync } from 'node:fs';
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  decodeForm,
  operations,
  responseMeta,
  StripeAbortError,
  StripeConnectionError,
  StripeInvalidRequestError,
  StripeTimeoutError,
  StripeValidationError,
  withResponse,
  type Transport,
} from 'stripe-customers';
import { createCustomersMock } from 'stripe-customers/msw';
import { nodeTransport } from 'stripe-customers/node';
import { fakeClock } from '../support/fake-clock.js';
import { customerJson } from '../support/fixtures.js';

const TLS = new URL('../support/tls/', import.meta.url);
const cert = readFileSync(new URL('localhost-cert.pem', TLS));
const key = readFileSync(new URL('localhost-key.pem', TLS));

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The remote port: the same one twice means the connection was kept alive. */
  port: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done).closeAllConnections())));
});

/** Starts a server on 127.0.0.1 that reads each request whole, records it, then lets `handle` answer. */
async function serve(handle: Handler, secure = false): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method!, url: req.url!, headers: req.headers, body, port: req.socket.remotePort! };
      seen.push(entry);
      handle(req, res, entry);
    });
  };
  const server = secure ? createHttpsServer({ cert, key }, listener) : createHttpServer(listener);
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return { url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`, seen };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_node', ...headers });
    res.end(JSON.stringify(body));
  };

describe('nodeTransport over http on loopback', () => {
  it('sends the form body with its Content-Length and the client headers, and returns the checked customer', async () => {
    const { url, seen } = await serve(json(200, customerJson({ email: 'jenny@example.com' })));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    const customer = await stripe.customers.create(
      { email: 'jenny@example.com', metadata: { app_user_id: 'u_42' }, preferred_locales: ['fr', 'en'] },
      { idempotencyKey: 'signup-u_42' },
    );
    expect(customer.email).toBe('jenny@example.com');
    const [sent] = seen;
    expect(sent).toMatchObject({ method: 'POST', url: '/v1/customers' });
    expect(sent!.headers).toMatchObject({
      authorization: 'Bearer sk_test_123',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(sent!.body)),
      'idempotency-key': 'signup-u_42',
      'stripe-version': '2024-04-10',
    });
    expect(sent!.headers['transfer-encoding']).toBeUndefined();
    expect(decodeForm(sent!.body, operations.PostCustomers.bodySchema)).toEqual({
      email: 'jenny@example.com',
      metadata: { app_user_id: 'u_42' },
      preferred_locales: ['fr', 'en'],
    });
  });

  it('counts the bytes, not the characters, of a body with non-ASCII text', async () => {
    const { url, seen } = await serve(json(200, customerJson()));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    await stripe.customers.create({ name: 'Zoë Åström 東京' });
    expect(Number(seen[0]!.headers['content-length'])).toBe(Buffer.byteLength(seen[0]!.body));
    expect(decodeForm(seen[0]!.body, operations.PostCustomers.bodySchema)).toEqual({ name: 'Zoë Åström 東京' });
  });

  it('puts GET params in the query and keeps the connection alive between calls', async () => {
    const list = { object: 'list', data: [customerJson()], has_more: false, url: '/v1/customers' };
    const { url, seen } = await serve(json(200, list));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    await stripe.customers.list({ limit: 3, email: 'a+b@example.com' });
    await stripe.customers.list({ limit: 3 });
    expect(seen.map((s) => s.url)).toEqual([
      '/v1/customers?limit=3&email=a%2Bb%40example.com',
      '/v1/customers?limit=3',
    ]);
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET']);
    expect(seen[0]!.headers['content-length']).toBeUndefined();
    expect(seen[1]!.port).toBe(seen[0]!.port);
  });

  it('gives the status, headers and a Response rebuilt from them through responseMeta and withResponse', async () => {
    const { url } = await serve(json(200, customerJson({ id: 'cus_meta' }), { 'Set-Cookie': 'a=1' }));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    const { data, requestId, statusCode, headers, response } = await withResponse(
      stripe.customers.retrieve('cus_meta'),
    );
    expect(data.id).toBe('cus_meta');
    expect({ requestId, statusCode }).toEqual({ requestId: 'req_node', statusCode: 200 });
    expect(headers['content-type']).toBe('application/json');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toBe('req_node');
    expect(await response.json()).toMatchObject({ id: 'cus_meta' });
    expect(responseMeta(data)?.response).toBe(responseMeta(data)?.response);
  });

  it("turns Stripe's error envelope into the typed error, with the request id", async () => {
    const error = { error: { type: 'invalid_request_error', message: 'Invalid email address: x', param: 'email' } };
    const { url } = await serve(json(400, error));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    const thrown = await stripe.customers.create({ email: 'x' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeInvalidRequestError);
    expect(thrown).toMatchObject({ statusCode: 400, param: 'email', requestId: 'req_node' });
  });

  it('retries a 503 with the same Idempotency-Key, then returns the customer', async () => {
    let calls = 0;
    const { url, seen } = await serve((req, res, entry) => {
      calls++;
      if (calls === 1) json(503, { error: { type: 'api_error', message: 'down' } })(req, res, entry);
      else json(200, customerJson())(req, res, entry);
    });
    const stripe = createClient({
      apiKey: 'sk_test_123',
      baseUrl: url,
      transport: nodeTransport(),
      clock: fakeClock(),
    });
    await stripe.customers.create({ email: 'a@example.com' });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.headers['idempotency-key']).toBe(seen[0]!.headers['idempotency-key']);
  });

  it('a body cut off before its Content-Length is a connection error, not a response', async () => {
    const { url } = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      res.write('{"id": "cus_');
      setImmediate(() => res.socket?.destroy());
    });
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport(), maxRetries: 0 });
    await expect(stripe.customers.retrieve('cus_1')).rejects.toBeInstanceOf(StripeConnectionError);
  });

  it('a refused connection is a StripeConnectionError that keeps the cause', async () => {
    const { url } = await serve(json(200, {}));
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport(), maxRetries: 0 });
    const thrown = await stripe.customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeConnectionError);
    expect((thrown as StripeConnectionError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('stops waiting when the attempt times out', async () => {
    const clock = fakeClock();
    const { url } = await serve(() => clock.advance(80_000)); // never answers
    const stripe = createClient({
      apiKey: 'sk_test_123',
      baseUrl: url,
      transport: nodeTransport(),
      clock,
      maxRetries: 0,
    });
    await expect(stripe.customers.retrieve('cus_1')).rejects.toBeInstanceOf(StripeTimeoutError);
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const { url } = await serve(() => controller.abort(new Error('user left'))); // never answers
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport() });
    const thrown = await stripe.customers.retrieve('cus_1', {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeAbortError);
    expect((thrown as StripeAbortError).cause).toEqual(new Error('user left'));
  });
});

describe('nodeTransport over https', () => {
  it('speaks TLS through the agent it is given (here one trusting the test certificate)', async () => {
    const { url, seen } = await serve(json(200, customerJson({ id: 'cus_tls' })), true);
    const httpsAgent = new HttpsAgent({ keepAlive: true, ca: cert });
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport({ httpsAgent }) });
    const customer = await stripe.customers.retrieve('cus_tls');
    expect(customer.id).toBe('cus_tls');
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/customers/cus_tls' });
    httpsAgent.destroy();
  });

  it('refuses a certificate nobody vouches for', async () => {
    const { url, seen } = await serve(json(200, customerJson()), true);
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, transport: nodeTransport(), maxRetries: 0 });
    await expect(stripe.customers.retrieve('cus_1')).rejects.toBeInstanceOf(StripeConnectionError);
    expect(seen).toHaveLength(0);
  });
});

describe('nodeTransport under MSW', () => {
  const mock = createCustomersMock();
  const msw = setupServer(...mock.handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it("is intercepted like fetch, so apps' tests need no real Stripe", async () => {
    const stripe = createClient({ apiKey: 'sk_test_123', transport: nodeTransport() });
    const created = await stripe.customers.create({ email: 'jenny@example.com', metadata: { app_user_id: 'u_42' } });
    const again = await stripe.customers.retrieve(created.id);
    expect(again).toMatchObject({ id: created.id, email: 'jenny@example.com', metadata: { app_user_id: 'u_42' } });
    expect(mock.store.list()).toHaveLength(1);
  });
});

describe('createClient with a transport', () => {
  it('refuses a transport or fetch that is not a function, naming it', () => {
    const bad = { get: () => undefined } as unknown as Transport;
    expect(() => createClient({ apiKey: 'sk_test_123', transport: bad })).toThrow(/transport: must be a function/);
    expect(() => createClient({ apiKey: 'sk_test_123', fetch: 'fetch' as never })).toThrow(/fetch: must be a function/);
  });

  it('fails the call with words when a custom transport answers something that is not a response', async () => {
    const broken: Transport = async () => ({ status: '200', headers: {}, body: '{}' }) as never;
    const stripe = createClient({ apiKey: 'sk_test_123', transport: broken, maxRetries: 0 });
    const thrown = await stripe.customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeConnectionError);
    expect((thrown as Error).message).toMatch(/the transport must resolve to \{ status: integer/);
  });

  it('nodeTransport refuses an agent that is not a node:http(s) Agent', () => {
    const call = () => nodeTransport({ httpsAgent: {} as never, httpAgent: new HttpsAgent() as never });
    expect(call).toThrow(StripeValidationError);
    expect(call).toThrow(/httpsAgent: must be a node:https Agent/);
    expect(() => nodeTransport({ httpAgent: new HttpAgent() })).not.toThrow();
  });

  it('refuses fetch and transport together, naming the option', () => {
    const call = () => createClient({ apiKey: 'sk_test_123', fetch: globalThis.fetch, transport: nodeTransport() });
    expect(call).toThrow(StripeValidationError);
    expect(call).toThrow(/transport: give fetch or transport, not both/);
  });
});
