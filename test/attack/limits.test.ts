// Finding 10: a 50 MB response was parsed, a 50 MB error body kept whole in `error.raw`, and
// `retrieve('search')` called the search endpoint. Real loopback servers stream the big bodies; a
// client that stops reading makes the server see its socket close long before the end.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  StripeAPIError,
  StripeResponseTooLargeError,
  StripeResponseValidationError,
  StripeValidationError,
  type Transport,
} from 'stripe-customers';
import { nodeTransport } from 'stripe-customers/node';
import { customerJson } from '../support/fixtures.js';
import { answerJson, useLoopbackServers } from '../support/loopback.js';

const serve = useLoopbackServers();
const MB = 1024 * 1024;

const transports: [string, () => Transport | undefined][] = [
  ['fetch', () => undefined],
  ['nodeTransport', () => nodeTransport()],
];

/** Writes `total` bytes of `fill` in 64 KB chunks while the client reads; records how far it got. */
function stream(res: ServerResponse, total: number, fill: string, progress: { written: number; closedEarly: boolean }) {
  const chunk = Buffer.alloc(64 * 1024, fill);
  res.on('close', () => (progress.closedEarly = progress.written < total));
  const pump = () => {
    while (progress.written < total && !res.destroyed) {
      progress.written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

describe.each(transports)('over %s', (_, transport) => {
  const client = (url: string, extra: Record<string, unknown> = {}) =>
    createClient({ apiKey: 'sk_test_123', baseUrl: url, maxRetries: 0, ...(transport() && { transport: transport() }), ...extra });

  it('a 50 MB success body announced by Content-Length is refused without being read', async () => {
    const progress = { written: 0, closedEarly: false };
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(50 * MB), 'Request-Id': 'req_big' });
      stream(res, 50 * MB, ' ', progress);
    });
    const error = await client(api.url).customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseTooLargeError);
    expect(error).toMatchObject({ statusCode: 200, requestId: 'req_big', maxResponseBytes: 20 * MB });
    await expect.poll(() => progress.closedEarly).toBe(true);
    expect(progress.written).toBeLessThan(50 * MB);
  });

  it('a chunked body with no length stops being read at maxResponseBytes', async () => {
    const progress = { written: 0, closedEarly: false };
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      stream(res, 50 * MB, ' ', progress);
    });
    const error = await client(api.url, { maxResponseBytes: MB }).customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseTooLargeError);
    expect((error as StripeResponseTooLargeError).maxResponseBytes).toBe(MB);
    await expect.poll(() => progress.closedEarly).toBe(true);
    expect(progress.written).toBeLessThan(50 * MB);
  });

  it('a body just under the limit is read and validated as usual', async () => {
    const body = JSON.stringify(customerJson({ description: 'x'.repeat(100_000) }));
    const api = await serve(answerJson(200, body));
    const customer = await client(api.url, { maxResponseBytes: body.length }).customers.retrieve('cus_1');
    expect(customer).toMatchObject({ object: 'customer' });
  });

  it('a 50 MB HTML error page leaves at most a few KB in error.raw', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': String(5 * MB) });
      res.end(Buffer.alloc(5 * MB, 'x'));
    });
    const error = await client(api.url).customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeAPIError);
    expect(String((error as StripeAPIError).raw).length).toBeLessThan(5 * 1024);
  });

  it('an error body over maxResponseBytes is not read, and the error keeps its status', async () => {
    const progress = { written: 0, closedEarly: false };
    const api = await serve((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      stream(res, 50 * MB, 'x', progress);
    });
    const error = await client(api.url, { maxResponseBytes: MB }).customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeAPIError);
    expect(error).toMatchObject({ statusCode: 503 });
    await expect.poll(() => progress.closedEarly).toBe(true);
  });

  it('a success body that is not JSON keeps a few KB in rawBody', async () => {
    const api = await serve(answerJson(200, `<html>${'x'.repeat(100_000)}</html>`));
    const error = await client(api.url).customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as StripeResponseValidationError).rawBody.length).toBeLessThan(5 * 1024);
  });
});

describe('a custom transport that ignores maxResponseBytes', () => {
  it('still gets an oversized success body refused', async () => {
    const transport: Transport = async () => ({ status: 200, headers: {}, body: `{"pad":"${'x'.repeat(2 * MB)}"}` });
    const stripe = createClient({ apiKey: 'sk_test_123', transport, maxResponseBytes: MB });
    await expect(stripe.customers.retrieve('cus_1')).rejects.toBeInstanceOf(StripeResponseTooLargeError);
  });
});

describe('ids that collide with a fixed route', () => {
  it.each([
    ['retrieve', (s: ReturnType<typeof createClient>) => s.customers.retrieve('search')],
    ['update', (s: ReturnType<typeof createClient>) => s.customers.update('search', { name: 'x' })],
    ['delete', (s: ReturnType<typeof createClient>) => s.customers.delete('search')],
    ['createTaxId', (s: ReturnType<typeof createClient>) => s.customers.createTaxId('search', { type: 'eu_vat', value: 'DE1' })],
  ])('%s("search") is refused before sending, as "." and ".." are', async (_, call) => {
    const api = await serve(answerJson(200, customerJson()));
    const error = await call(createClient({ apiKey: 'sk_test_123', baseUrl: api.url })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect((error as StripeValidationError).issues[0]).toMatchObject({ field: 'customer' });
    expect((error as StripeValidationError).issues[0]?.message).toContain('/v1/customers/search');
    expect(api.received).toHaveLength(0);
  });

  it('an id that merely contains the word is sent, percent-encoded', async () => {
    const api = await serve(answerJson(200, customerJson()));
    await createClient({ apiKey: 'sk_test_123', baseUrl: api.url }).customers.retrieve('search/x');
    expect(api.received[0]?.url).toBe('/v1/customers/search%2Fx');
  });
});
