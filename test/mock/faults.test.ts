import { describe, expect, it } from 'vitest';
import {
  createClient,
  responseMeta,
  StripeAPIError,
  StripeAuthenticationError,
  StripeConnectionError,
  StripeInvalidRequestError,
} from '../../src/index.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw, rejection } from './setup.js';

const server = useMswServer();

describe('faults.failNext with a status', () => {
  it('fails the next requests; the client retries them with backoff and then succeeds', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    mock.faults.failNext(2, { status: 503 });
    const customer = await stripe.customers.create({ email: 'a@example.com' });
    expect(customer.email).toBe('a@example.com');
    expect(clock.sleeps).toEqual([250, 500]); // backoff with random() = 0: half of 0.5 s, then of 1 s
    expect(mock.faults.pending()).toBe(0);
    expect(mock.store.list()).toHaveLength(1);
  });

  it('surfaces the last failure when retries run out, and nothing was created', async () => {
    const { stripe, mock } = mockStripe(server);
    mock.faults.failNext(3, { status: 500, message: 'Database on fire' });
    const error = await rejection(stripe.customers.create({ email: 'a@example.com' }));
    expect(error).toBeInstanceOf(StripeAPIError);
    expect(error).toMatchObject({ statusCode: 500, type: 'api_error' });
    expect((error as Error).message).toContain('Database on fire');
    expect(mock.store.list()).toEqual([]);
  });

  it('sends the headers given: Retry-After is honoured, Stripe-Should-Retry: false stops retries', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    mock.faults.failNext(1, { status: 429, headers: { 'Retry-After': '2' } });
    await stripe.customers.list();
    expect(clock.sleeps).toEqual([2000]);
    mock.faults.failNext(1, { status: 503, headers: { 'Stripe-Should-Retry': 'false' } });
    await expect(stripe.customers.list()).rejects.toBeInstanceOf(StripeAPIError);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('uses Stripe\'s codes for the retried statuses', async () => {
    mockStripe(server).mock.faults.failNext(2, { status: 429 });
    expect((await raw('/v1/customers')).body.error).toMatchObject({ type: 'invalid_request_error', code: 'rate_limit' });
    expect((await raw('/v1/customers')).status).toBe(429);
  });

  it('is not retried when the status is a plain 4xx', async () => {
    const { stripe, mock } = mockStripe(server);
    mock.faults.failNext(2, { status: 400 });
    await expect(stripe.customers.list()).rejects.toBeInstanceOf(StripeInvalidRequestError);
    expect(mock.faults.pending()).toBe(1);
  });

  it('refuses knobs that make no sense', () => {
    const { mock } = mockStripe(server);
    expect(() => mock.faults.failNext(0, { status: 500 })).toThrow(RangeError);
    expect(() => mock.faults.failNext(1, { status: 200 })).toThrow(/400-599/);
    expect(() => mock.faults.failNext(1, { delayMs: -1 })).toThrow(RangeError);
  });
});

describe('faults.failNext with a network error or a delay', () => {
  it('drops the connection; the client retries it', async () => {
    const { stripe, mock } = mockStripe(server);
    mock.faults.failNext(1, { network: true });
    expect((await stripe.customers.create({ name: 'A' })).name).toBe('A');
    expect(mock.store.list()).toHaveLength(1);
  });

  it('surfaces a connection error when every attempt is dropped', async () => {
    const { stripe, mock } = mockStripe(server);
    mock.faults.failNext(3, { network: true });
    await expect(stripe.customers.list()).rejects.toBeInstanceOf(StripeConnectionError);
  });

  it('answers after a delay shorter than the timeout', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    mock.faults.failNext(1, { delayMs: 1500 });
    const before = clock.now();
    await stripe.customers.list();
    expect(clock.now() - before).toBe(1500);
  });

  it('a create delayed past the timeout is retried with the same key and replayed: one customer', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    mock.faults.failNext(1, { delayMs: 90_000 }); // the client's per-attempt timeout is 80 s
    const customer = await stripe.customers.create({ email: 'slow@example.com' });
    expect(clock.sleeps).toEqual([90_000, 250]); // the mock's delay, then the client's backoff
    expect(responseMeta(customer)?.headers['idempotent-replayed']).toBe('true');
    expect(mock.store.list().map((c) => c.id)).toEqual([customer.id]);
  });
});

describe('requireApiKey', () => {
  it('answers 401 to a live key, which the client raises as StripeAuthenticationError without the key', async () => {
    const { mock, clock } = mockStripe(server, { requireApiKey: true });
    const key = 'sk_live_51Habcdefghijklmnop4242';
    const stripe = createClient({ apiKey: key, clock });
    const error = await rejection(stripe.customers.list());
    expect(error).toBeInstanceOf(StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, type: 'invalid_request_error' });
    expect(JSON.stringify((error as StripeAuthenticationError).raw)).not.toContain(key);
    expect(mock.store.list()).toEqual([]);
  });

  it.each([
    ['no Authorization header', {}, /You did not provide an API key/],
    ['a key that is not Stripe-shaped', { Authorization: 'Bearer not_a_key_abcdefghijklmnop' }, /Invalid API Key provided: \*+mnop$/],
    ['a publishable key', { Authorization: 'Bearer pk_test_abcdefghijklmnop1234' }, /Invalid API Key provided: pk_test_\*+1234$/],
  ])('answers 401 to %s, never echoing the key in full', async (_, headers: Record<string, string>, message) => {
    mockStripe(server, { requireApiKey: true });
    const { status, headers: responseHeaders, body } = await raw('/v1/customers', { headers });
    expect(status).toBe(401);
    expect(responseHeaders.get('request-id')).toMatch(/^req_/);
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toContain('abcdefghijklmnop');
  });

  it.each([
    ['a Bearer secret test key', 'Bearer sk_test_123'],
    ['a Bearer restricted test key', 'Bearer rk_test_123'],
    ['Basic auth with the key as user name', `Basic ${Buffer.from('sk_test_123:').toString('base64')}`],
  ])('accepts %s', async (_, authorization) => {
    mockStripe(server, { requireApiKey: true });
    expect((await raw('/v1/customers', { headers: { Authorization: authorization } })).status).toBe(200);
  });
});
