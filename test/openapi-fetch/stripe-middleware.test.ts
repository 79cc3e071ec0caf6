// openapi-fetch with Stripe's serializers and middleware, at the wire: the stateful mock answers,
// and every request is captured on its way in and decoded with the client's own form decoder.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import createClient from 'openapi-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createCustomersMock } from 'stripe-customers/msw';
import {
  decodeForm,
  StripeAbortError,
  operations,
  specInfo,
  StripeAuthenticationError,
  StripeConnectionError,
  StripeNotFoundError,
  StripeRedirectError,
  StripeResponseValidationError,
  StripeValidationError,
} from 'stripe-customers';
import { stripeBodySerializer, stripeMiddleware, stripeQuerySerializer, type paths } from 'stripe-customers/openapi-fetch';
import { rejection } from '../support/rejection.js';

const KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const STRIPE = 'https://api.stripe.com';
const mock = createCustomersMock({ requireApiKey: true });
const server = setupServer(...mock.handlers);
const seen: Request[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
  seen.length = 0;
});
afterAll(() => server.close());

/** Keeps a copy of every request to Stripe, then lets the mock answer it. */
function capture(): void {
  server.use(
    http.all(`${STRIPE}/*`, ({ request }) => {
      seen.push(request.clone());
    }),
  );
}

/** A client as the README shows it; made after MSW is listening, since openapi-fetch keeps the fetch it finds. */
function stripeClient(options: Partial<Parameters<typeof stripeMiddleware>[0]> = {}) {
  const client = createClient<paths>({ baseUrl: STRIPE, bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer });
  client.use(stripeMiddleware({ apiKey: KEY, ...options }));
  return client;
}

describe('stripeMiddleware over the mock', () => {
  it('creates a customer: a Stripe form body with auth, version, content type and a key', async () => {
    capture();
    const client = stripeClient();
    const body = {
      email: 'jenny.rosen@example.com',
      metadata: { app_user_id: 'u_42' },
      tax_id_data: [{ type: 'eu_vat' as const, value: 'DE123456789' }],
      preferred_locales: ['de', 'en'],
    };
    const { data, error } = await client.POST('/v1/customers', { body });
    expect(error).toBeUndefined();
    expect(data?.email).toBe('jenny.rosen@example.com');
    expect(data?.metadata).toEqual({ app_user_id: 'u_42' });
    expect(mock.store.list().map((c) => c.id)).toEqual([data?.id]);

    const [request] = seen;
    expect(seen).toHaveLength(1);
    expect(request!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(request!.headers.get('stripe-version')).toBe(specInfo.version);
    expect(request!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request!.headers.get('stripe-account')).toBeNull();
    const text = await request!.text();
    expect(text).toContain('metadata[app_user_id]=u_42');
    expect(text).toContain('tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE123456789');
    expect(decodeForm(text, operations.PostCustomers.bodySchema)).toEqual(body);
  });

  it('sends "" as Stripe\'s unset: address= removes the address', async () => {
    const client = stripeClient();
    const { data: created } = await client.POST('/v1/customers', { body: { address: { city: 'Paris', country: 'FR' } } });
    expect(created?.address?.city).toBe('Paris');
    capture();
    const { data } = await client.POST('/v1/customers/{customer}', { params: { path: { customer: created!.id } }, body: { address: '' } });
    expect(await seen[0]!.text()).toBe('address=');
    expect(data?.address).toBeNull();
  });

  it('retrieves with expand in the query string, bracket-encoded', async () => {
    const client = stripeClient();
    const { data: created } = await client.POST('/v1/customers', { body: { email: 'a@example.com', tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }] } });
    capture();
    const { data } = await client.GET('/v1/customers/{customer}', { params: { path: { customer: created!.id }, query: { expand: ['tax_ids'] } } });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe(`/v1/customers/${created!.id}`);
    expect(url.search).toBe('?expand[0]=tax_ids');
    expect(seen[0]!.headers.get('idempotency-key')).toBeNull();
    expect(data && 'tax_ids' in data ? data.tax_ids?.data.map((t) => t.value) : undefined).toEqual(['DE123456789']);
  });

  it('lists with limit', async () => {
    const client = stripeClient();
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) await client.POST('/v1/customers', { body: { email } });
    capture();
    const { data } = await client.GET('/v1/customers', { params: { query: { limit: 2 } } });
    expect(new URL(seen[0]!.url).search).toBe('?limit=2');
    expect(data?.data.map((c) => c.email)).toEqual(['c@example.com', 'b@example.com']);
    expect(data?.has_more).toBe(true);
  });

  it('throws StripeNotFoundError for an unknown customer, with status, request id and code', async () => {
    const client = stripeClient();
    const error = await rejection(client.GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_missing' } } }));
    expect(error).toBeInstanceOf(StripeNotFoundError);
    const notFound = error as StripeNotFoundError;
    expect(notFound.statusCode).toBe(404);
    expect(notFound.requestId).toMatch(/^req_/);
    expect(notFound.code).toBe('resource_missing');
  });

  it('throws StripeResponseValidationError for a 2xx that contradicts the schema, with zod issues', async () => {
    server.use(http.get(`${STRIPE}/v1/customers/:id`, () => Response.json({ id: 1 }, { headers: { 'Request-Id': 'req_bad' } })));
    const client = stripeClient();
    const error = await rejection(client.GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_1' } } }));
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    const invalid = error as StripeResponseValidationError;
    expect(invalid.issues.length).toBeGreaterThan(0);
    expect(invalid.requestId).toBe('req_bad');
    expect(invalid.message).toContain("Stripe's response to GET /v1/customers/{customer}");
    expect(invalid.rawBody).toBe('{"id":1}');
  });

  it('throws StripeResponseValidationError for a 2xx that is not JSON', async () => {
    server.use(http.get(`${STRIPE}/v1/customers/:id`, () => new Response('<html>ok</html>', { status: 200 })));
    const error = await rejection(stripeClient().GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_1' } } }));
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as StripeResponseValidationError).message).toContain('is not JSON');
  });

  it('gives every POST its own Idempotency-Key, keeps a given one, and sends none on GET', async () => {
    capture();
    const client = stripeClient();
    await client.POST('/v1/customers', { body: { email: 'a@example.com' } });
    await client.POST('/v1/customers', { body: { email: 'b@example.com' } });
    await client.POST('/v1/customers', { body: { email: 'c@example.com' }, headers: { 'Idempotency-Key': 'signup-u_42' } });
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('signup-u_42');
  });

  it('takes an idempotency key factory', async () => {
    capture();
    let n = 0;
    const client = stripeClient({ idempotencyKey: () => `key-${++n}` });
    await client.POST('/v1/customers', { body: {} });
    await client.POST('/v1/customers', { body: {} });
    expect(seen.map((r) => r.headers.get('idempotency-key'))).toEqual(['key-1', 'key-2']);
  });

  it('sends Stripe-Account and Stripe-Version from the options, and a call may override them', async () => {
    capture();
    const client = stripeClient({ stripeAccount: 'acct_1032D82eZvKYlo2C', apiVersion: '2023-10-16' });
    await client.GET('/v1/customers', {});
    await client.GET('/v1/customers', { headers: { 'Stripe-Account': 'acct_2', 'Stripe-Version': '2024-04-10' } });
    expect(seen.map((r) => r.headers.get('stripe-account'))).toEqual(['acct_1032D82eZvKYlo2C', 'acct_2']);
    expect(seen.map((r) => r.headers.get('stripe-version'))).toEqual(['2023-10-16', '2024-04-10']);
  });

  it('never puts the key in an error, however it is rendered', async () => {
    server.use(
      http.get(`${STRIPE}/v1/customers/:id`, ({ request }) =>
        Response.json(
          { error: { type: 'invalid_request_error', message: `No such customer; key ${request.headers.get('authorization')}` } },
          { status: 404, headers: { 'Request-Id': 'req_echo', 'X-Echo': request.headers.get('authorization')! } },
        ),
      ),
    );
    const error = await rejection(stripeClient().GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_1' } } }));
    expect(error).toBeInstanceOf(StripeNotFoundError);
    for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), JSON.stringify((error as StripeNotFoundError).raw), JSON.stringify((error as StripeNotFoundError).headers)]) {
      expect(rendering).not.toContain(KEY);
      expect(rendering).not.toContain(KEY.slice(8));
    }
    expect((error as StripeNotFoundError).message).toContain('sk_test_***');
  });

  it('a wrong key is a StripeAuthenticationError from the mock, its value masked', async () => {
    const client = createClient<paths>({ baseUrl: STRIPE, bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer });
    client.use(stripeMiddleware({ apiKey: 'sk_live_notatestkey123' }));
    const error = await rejection(client.GET('/v1/customers'));
    expect(error).toBeInstanceOf(StripeAuthenticationError);
    expect(inspect(error, { depth: 10 })).not.toContain('notatestkey123');
  });

  it('does not follow a redirect, so the key goes nowhere else', async () => {
    let followed = false;
    server.use(
      http.get(`${STRIPE}/v1/customers`, () => new Response(null, { status: 307, headers: { Location: 'https://evil.example/v1/customers' } })),
      http.get('https://evil.example/*', () => {
        followed = true;
        return Response.json({});
      }),
    );
    const error = await rejection(stripeClient().GET('/v1/customers'));
    expect(error).toBeInstanceOf(StripeRedirectError);
    expect(followed).toBe(false);
  });

  it("the caller's abort is a StripeAbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(stripeClient().GET('/v1/customers', { signal: controller.signal }));
    expect(error).toBeInstanceOf(StripeAbortError);
  });

  it('a failed connection is a StripeConnectionError', async () => {
    server.use(http.get(`${STRIPE}/v1/customers`, () => Response.error()));
    const error = await rejection(stripeClient().GET('/v1/customers'));
    expect(error).toBeInstanceOf(StripeConnectionError);
  });
});
