import { safeParse } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../generated/schemas.js';
import { MAX_FORM_PARAMS } from '../../src/wire/form-decode.js';
import { StripeInvalidRequestError } from '../../src/index.js';
import { createMockCore } from '../../src/mock/core.js';
import { IdempotencyCache } from '../../src/mock/idempotency.js';
import { createCustomersMock } from '../../src/msw.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw, rejection } from './setup.js';

// The same limits as the HTTP server's, through the MSW handlers (`createCustomersMock` on
// `setupServer`) and the in-process handler behind them: the two paths share one core, and this
// file holds the core to it where no socket is involved.

const server = useMswServer();
const post = (path: string, body: string) => raw(path, { method: 'POST', body });

/** A Stripe error body with the given status; returns its `error`. */
function stripeError(answer: Awaited<ReturnType<typeof raw>>, status: number): Record<string, any> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(safeParse(ErrorSchema, answer.body).success).toBe(true);
  return answer.body.error;
}

describe('limits through the MSW handlers', () => {
  it('answers 10,000 levels of brackets with a 400 naming the key, in a body and in a query string', async () => {
    mockStripe(server);
    const key = `a${'[a]'.repeat(10_000)}`;
    for (const answer of [await post('/v1/customers', `${key}=1`), await raw(`/v1/customers?${key}=1`)]) {
      const error = stripeError(answer, 400);
      expect(error).toMatchObject({ code: 'parameter_invalid', param: `${key.slice(0, 100)}…` });
      expect(error.message).toContain('at most 32 levels of brackets');
    }
  });

  it(`refuses param ${MAX_FORM_PARAMS + 1}`, async () => {
    mockStripe(server);
    const body = Array.from({ length: MAX_FORM_PARAMS + 1 }, (_, i) => `metadata[k${i}]=v`).join('&');
    const error = stripeError(await post('/v1/customers', body), 400);
    expect(error).toMatchObject({ code: 'parameter_invalid', param: `metadata[k${MAX_FORM_PARAMS}]` });
  });

  it('answers PUT, PATCH and OPTIONS with a 405 and Allow', async () => {
    mockStripe(server);
    for (const method of ['PUT', 'PATCH', 'OPTIONS']) {
      const answer = await raw('/v1/customers', { method });
      expect(stripeError(answer, 405).message).toContain(method);
      expect(answer.headers.get('allow')).toBe('GET, POST, DELETE');
    }
  });

  it('answers a body over maxBodyBytes with a 413 and takes one of exactly that size', async () => {
    mockStripe(server, { maxBodyBytes: 100 });
    const body = (bytes: number) => `description=${'é'.repeat((bytes - 'description='.length) / 2)}`;
    const over = stripeError(await post('/v1/customers', `${body(100)}x`), 413);
    expect(over).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('at most 100 bytes') });
    const exact = await post('/v1/customers', body(100));
    expect([exact.status, exact.body.description]).toEqual([200, 'é'.repeat(44)]);
  });

  it('refuses the object past maxObjects with a 400 the client does not retry, until a delete, clear or reset', async () => {
    const { stripe, mock } = mockStripe(server, { maxObjects: 2 });
    const first = await stripe.customers.create({ email: 'a@example.com' });
    await stripe.customers.create({ email: 'b@example.com' });
    const error = await rejection(stripe.customers.create({ email: 'c@example.com' }));
    expect(error).toBeInstanceOf(StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'mock_object_limit', message: expect.stringContaining('maxObjects') });
    expect(() => mock.seed([{ email: 'seeded@example.com' }])).toThrow(/at most 2 objects/);

    await stripe.customers.delete(first.id);
    await stripe.customers.create({ email: 'c@example.com' });
    await expect(rejection(stripe.customers.create({}))).resolves.toMatchObject({ code: 'mock_object_limit' });
    mock.store.clear();
    await stripe.customers.create({});
    mock.reset();
    expect(mock.seed([{}, {}])).toHaveLength(2);
  });
});

describe('the in-process handler', () => {
  it('stops reading a streamed body once it passes the limit', async () => {
    const mock = createMockCore();
    const chunk = new Uint8Array(64 * 1024).fill(97);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 32 * 1_048_576) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('https://api.stripe.com/v1/customers', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const response = await mock.handle(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1_048_576 + 4 * chunk.length);
  });

  it('answers a declared Content-Length over the limit without reading the body', async () => {
    const mock = createMockCore({ maxBodyBytes: 10 });
    let read = false;
    const body = new ReadableStream<Uint8Array>({ pull: () => void (read = true) }, { highWaterMark: 0 });
    const response = await mock.handle({ method: 'POST', url: 'https://api.stripe.com/v1/customers', headers: new Headers({ 'content-length': '11' }), body });
    expect([response.status, read]).toEqual([413, false]);
  });

  it('answers TRACE, which a fetch Request cannot carry, given as a plain request', async () => {
    const response = await createMockCore().handle({ method: 'TRACE', url: 'https://api.stripe.com/v1/customers', headers: new Headers(), body: null });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, POST, DELETE']);
  });

  it('keeps the newest maxObjects deleted customers as stubs and forgets older ones', async () => {
    const mock = createMockCore({ maxObjects: 2 });
    const ids = mock.seed([{}, {}]).map((customer) => customer.id);
    const url = (id: string) => `https://api.stripe.com/v1/customers/${id}`;
    for (const id of ids) expect((await mock.handle(new Request(url(id), { method: 'DELETE' }))).status).toBe(200);
    const third = mock.seed([{}])[0]!.id;
    expect((await mock.handle(new Request(url(third), { method: 'DELETE' }))).status).toBe(200);
    expect(mock.store.get(ids[0]!)).toBe(undefined);
    expect((await mock.handle(new Request(url(ids[0]!)))).status).toBe(404);
    expect(mock.store.get(third)).toEqual({ id: third, object: 'customer', deleted: true });
  });

  it('refuses limits that are not whole numbers', () => {
    expect(() => createCustomersMock({ maxObjects: -1 })).toThrow(RangeError);
    expect(() => createCustomersMock({ maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes/);
    expect(() => createCustomersMock({ maxBodyBytes: Number.NaN })).toThrow(RangeError);
  });

  it('keeps at most maxKeys idempotency keys, forgetting the oldest', () => {
    const cache = new IdempotencyCache(2);
    const result = { status: 200, body: {} };
    for (const key of ['k1', 'k2', 'k3']) cache.save(key, 'POST /v1/customers', '', result, `req_${key}`, 0);
    expect(cache.lookup('k1', 'POST /v1/customers', '', 0)).toBe(undefined);
    expect(cache.lookup('k2', 'POST /v1/customers', '', 0)?.originalRequestId).toBe('req_k2');
    expect(cache.lookup('k3', 'POST /v1/customers', '', 0)?.originalRequestId).toBe('req_k3');
  });
});
