import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, decodeForm, encodeForm, operations, StripeValidationError } from '../../src/index.js';
import { customerJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();

function refused(run: () => unknown): StripeValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeValidationError);
    return error as StripeValidationError;
  }
  return expect.unreachable('should be refused');
}

describe('baseUrl', () => {
  it.each(['http://api.example.com', 'ftp://127.0.0.1', 'not a url'])('refuses %s', (baseUrl) => {
    expect(refused(() => createClient({ apiKey: 'sk_test_1', baseUrl })).issues[0]?.field).toBe('baseUrl');
  });

  it.each(['https://proxy.example.com', 'http://127.0.0.1:12111', 'http://localhost:8080', 'http://[::1]:9000'])('accepts %s', (baseUrl) => {
    expect(() => createClient({ apiKey: 'sk_test_1', baseUrl })).not.toThrow();
  });

  it('accepts plain http elsewhere only when the caller opts in', () => {
    expect(() => createClient({ apiKey: 'sk_test_1', baseUrl: 'http://stripe-proxy.internal', allowHttp: true })).not.toThrow();
  });
});

describe('headers', () => {
  const client = createClient({ apiKey: 'sk_test_1' });
  it.each([
    [{ stripeAccount: 'acct_1\r\nX-Injected: 1' }, 'stripeAccount'],
    [{ apiVersion: '2024-04-10\n' }, 'apiVersion'],
    [{ idempotencyKey: 'key\u0000' }, 'idempotencyKey'],
    [{ headers: { 'X-Trace': 'a\r\nb' } }, 'headers["X-Trace"]'],
    [{ headers: { 'X Bad Name': 'a' } }, 'headers["X Bad Name"]'],
  ])('refuses %j before sending', async (options, field) => {
    const error = await client.customers.create({}, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect((error as StripeValidationError).issues[0]?.field).toBe(field);
  });

  it('sends custom headers that are well formed', async () => {
    let trace: string | null = null;
    server.use(http.post(`${STRIPE}/v1/customers`, ({ request }) => ((trace = request.headers.get('x-trace')), stripeJson(customerJson()))));
    await client.customers.create({}, { headers: { 'X-Trace': 'abc-123' } });
    expect(trace).toBe('abc-123');
  });

  it('refuses client options with CR/LF at createClient', () => {
    expect(refused(() => createClient({ apiKey: 'sk_test_1', stripeAccount: 'acct\r\n' })).issues[0]?.field).toBe('stripeAccount');
  });
});

describe('metadata keys like __proto__ stay plain data', () => {
  const hostile = JSON.parse('{"__proto__": "a", "constructor": "b", "prototype": "c"}') as Record<string, string>;

  it('through the encoder, the decoder and a response, without touching Object.prototype', async () => {
    const client = createClient({ apiKey: 'sk_test_1' });
    let wire = '';
    server.use(
      http.post(`${STRIPE}/v1/customers`, async ({ request }) => {
        wire = await request.text();
        const params = decodeForm(wire, operations.PostCustomers.bodySchema) as { metadata: Record<string, string> };
        return new Response(`{"id":"cus_1","object":"customer","created":1,"livemode":false,"metadata":${JSON.stringify(params.metadata)}}`, {
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const customer = await client.customers.create({ metadata: hostile });
    expect(wire).toBe('metadata[__proto__]=a&metadata[constructor]=b&metadata[prototype]=c');
    expect(Object.keys(customer.metadata ?? {})).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getPrototypeOf(customer.metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    expect(decodeForm(encodeForm({ metadata: hostile }))).toEqual({ metadata: hostile });
  });
});
