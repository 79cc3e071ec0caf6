import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  StripeAPIError,
  StripeAuthenticationError,
  StripeCardError,
  StripeConnectionError,
  StripeError,
  StripeInvalidRequestError,
  StripeNotFoundError,
  StripeRateLimitError,
} from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const API_KEY = 'sk_test_51SecretValueNeverLogged';
// A fake clock: 429, 5xx and connection failures are retried, and no test should really wait.
const client = createClient({ apiKey: API_KEY, clock: fakeClock() });

function failWith(status: number, body: unknown, headers: Record<string, string> = {}): void {
  server.use(http.all(`${STRIPE}/v1/*`, () => stripeJson(body, status, { 'Request-Id': 'req_err42', ...headers })));
}

async function caught(promise: Promise<unknown>): Promise<StripeError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StripeError);
  return error as StripeError;
}

const cases: [string, { status: number; error: Record<string, unknown>; want: Function }][] = [
  ['400 invalid_request_error', { status: 400, error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'foo', message: 'Received unknown parameter: foo' }, want: StripeInvalidRequestError }],
  ['401 bad key', { status: 401, error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' }, want: StripeAuthenticationError }],
  ['402 card_error', { status: 402, error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' }, want: StripeCardError }],
  ['404 resource_missing', { status: 404, error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: "No such customer: 'cus_nope'" }, want: StripeNotFoundError }],
  ['429 rate limit', { status: 429, error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.' }, want: StripeRateLimitError }],
  ['500 api_error', { status: 500, error: { type: 'api_error', message: 'An unknown error occurred' }, want: StripeAPIError }],
];

describe('Stripe error responses', () => {
  it.each(cases)('%s becomes the right class with every field', async (_, { status, error, want }) => {
    failWith(status, { error: { ...error, doc_url: 'https://stripe.com/docs/error-codes' } });
    const e = await caught(client.customers.retrieve('cus_nope'));
    expect(e).toBeInstanceOf(want);
    expect(e.statusCode).toBe(status);
    expect(e.type).toBe(error.type);
    expect(e.code).toBe(error.code);
    expect(e.param).toBe(error.param);
    expect(e.declineCode).toBe(error.decline_code);
    expect(e.docUrl).toBe('https://stripe.com/docs/error-codes');
    expect(e.requestId).toBe('req_err42');
    expect(e.headers?.['request-id']).toBe('req_err42');
    expect(e.message).toContain(String(error.message).replace(/sk_test_\S+/, 'sk_test_'));
    expect(e.message).toContain(`HTTP ${status}`);
    expect(e.message).toContain('req_err42');
    expect(e.raw).toEqual({ error: { ...error, doc_url: 'https://stripe.com/docs/error-codes' } });
  });

  it('a 404 is also an invalid request error (Stripe types it invalid_request_error)', async () => {
    failWith(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such customer' } });
    const e = await caught(client.customers.delete('cus_nope'));
    expect(e).toBeInstanceOf(StripeInvalidRequestError);
    expect(e.name).toBe('StripeNotFoundError');
  });

  it('an HTML 502 page still becomes a StripeAPIError carrying status and the raw body', async () => {
    server.use(
      http.get(`${STRIPE}/v1/customers`, () =>
        new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const e = await caught(client.customers.list());
    expect(e).toBeInstanceOf(StripeAPIError);
    expect(e.statusCode).toBe(502);
    expect(e.raw).toBe('<html><body>502 Bad Gateway</body></html>');
    expect(e.message).toContain('HTTP 502');
  });

  it('a failed connection is a StripeConnectionError with the cause', async () => {
    server.use(http.get(`${STRIPE}/v1/customers`, () => HttpResponse.error()));
    const e = await caught(client.customers.list());
    expect(e).toBeInstanceOf(StripeConnectionError);
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.statusCode).toBeUndefined();
  });
});

describe('the API key never leaks', () => {
  it('is absent from messages, String(), JSON and inspect() of errors, and from inspect(client)', async () => {
    failWith(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${API_KEY}` } });
    const e = await caught(client.customers.create({ email: 'a@example.com' }));
    for (const text of [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 10 }), inspect(client, { depth: 10 })]) {
      expect(text).not.toContain('SecretValueNeverLogged');
    }
    expect(e.message).toContain('sk_test_***');
  });

  it('is not echoed when createClient refuses a malformed key', () => {
    for (const apiKey of [' sk_test_abc', 'sk_test_abc\n', 'pk_test_abc', 'sk_prod_abc', '']) {
      const e = (() => {
        try {
          createClient({ apiKey });
        } catch (error) {
          return error as StripeError;
        }
        return expect.unreachable('createClient should refuse the key');
      })();
      expect(e.name).toBe('StripeValidationError');
      expect(e.message).toContain('apiKey:');
      if (apiKey.trim()) expect(e.message).not.toContain(apiKey.trim().slice(8));
    }
  });
});
