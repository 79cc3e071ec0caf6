// The Lago client against the Lago mock at the wire: what goes out (JSON, the Bearer key), what is
// refused before it goes out, what comes back validated, and Lago's error envelopes as LagoApiError.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StripeError, StripeResponseValidationError, StripeValidationError } from 'stripe-customers';
import { ApiResponseError } from 'stripe-customers/openapi-fetch';
import { documentedLagoCustomer } from './fixtures.js';
import { createLagoClient, LAGO_US, LagoApiError } from './lago-client.js';
import { createLagoMock } from './lago-mock.js';
import { rejection } from '../../test/support/rejection.js';

const KEY = 'lago_test_6c1f0e2a9b7d4e58';
const FIXED = Date.UTC(2024, 4, 1, 12, 0, 0);
const mock = createLagoMock({ apiKey: KEY, now: () => FIXED });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const lago = () => createLagoClient({ apiKey: KEY });
const byId = (external_customer_id: string) => ({ params: { path: { external_customer_id } } });

describe('createLagoClient at the wire', () => {
  it('sends the body as JSON with the Bearer key and returns the validated customer', async () => {
    const { data } = await lago().POST('/api/v1/customers', {
      body: { customer: { external_id: 'acme-1', name: 'Acme', billing_configuration: { document_locale: 'fr' } } },
    });
    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/api/v1/customers', authorization: `Bearer ${KEY}` });
    expect(sent!.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(sent!.body)).toEqual({ customer: { external_id: 'acme-1', name: 'Acme', billing_configuration: { document_locale: 'fr' } } });
    expect(data!.customer).toMatchObject({ external_id: 'acme-1', name: 'Acme', created_at: '2024-05-01T12:00:00Z', applicable_timezone: 'UTC' });
    expect(data!.customer.billing_configuration.document_locale).toBe('fr');
  });

  it('reads one customer, a page with meta, and deletes', async () => {
    mock.seed([documentedLagoCustomer()]);
    const client = lago();
    const { data: found } = await client.GET('/api/v1/customers/{external_customer_id}', byId('5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba'));
    expect(found!.customer).toEqual(documentedLagoCustomer());
    for (const id of ['b', 'c']) await client.POST('/api/v1/customers', { body: { customer: { external_id: id } } });
    const { data: page } = await client.GET('/api/v1/customers', { params: { query: { page: 2, per_page: 2 } } });
    expect(mock.requests.at(-1)!.path).toBe('/api/v1/customers?page=2&per_page=2');
    expect(page!.meta).toEqual({ current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 3 });
    // Newest first: the seeded customer was created in 2022.
    expect(page!.customers.map((c) => c.external_id)).toEqual(['5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba']);
    const { data: deleted } = await client.DELETE('/api/v1/customers/{external_customer_id}', byId('b'));
    expect(deleted!.customer.external_id).toBe('b');
    expect(mock.store.list().map((c) => c.external_id)).toEqual(['c', '5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba']);
  });

  it('throws LagoApiError for a 404, with Lago’s code and request id, documented', async () => {
    const error = await rejection(lago().GET('/api/v1/customers/{external_customer_id}', byId('nobody')));
    expect(error).toBeInstanceOf(LagoApiError);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect(error).toBeInstanceOf(StripeError);
    expect(error).toMatchObject({ statusCode: 404, code: 'customer_not_found', requestId: 'lago-req-1', documented: true });
    expect((error as Error).message).toBe(
      'Lago answered GET /api/v1/customers/{external_customer_id} with HTTP 404 (request lago-req-1): Not Found (customer_not_found)',
    );
  });

  it("reads a 422's error_details, and never shows the key", async () => {
    // An empty external_id passes the schema (a string) but not Lago's rule.
    const error = await rejection(lago().POST('/api/v1/customers', { body: { customer: { external_id: ' ' } } }));
    expect(error).toMatchObject({ statusCode: 422, code: 'validation_errors', documented: true, errorDetails: { external_id: ['value_is_mandatory'] } });
    expect((error as Error).message).toMatch(/HTTP 422 .*: Unprocessable Entity \(validation_errors\): external_id: value_is_mandatory$/);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(KEY);
  });

  it('is a 401 LagoApiError with another key, the key masked', async () => {
    const other = 'lago_test_other_key_991';
    const error = await rejection(createLagoClient({ apiKey: other }).GET('/api/v1/customers'));
    expect(error).toMatchObject({ statusCode: 401, code: undefined, documented: true });
    expect(mock.requests[0]!.authorization).toBe(`Bearer ${other}`);
    expect(inspect(error, { depth: 10 })).not.toContain(other);
  });

  it('refuses a broken response: a customer without lago_id', async () => {
    const { lago_id: _, ...broken } = documentedLagoCustomer();
    server.use(http.get(`${LAGO_US}/api/v1/customers/:id`, () => Response.json({ customer: broken })));
    const error = await rejection(lago().GET('/api/v1/customers/{external_customer_id}', byId('x')));
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as Error).message).toMatch(/^Lago's response to GET \/api\/v1\/customers\/\{external_customer_id\} \(HTTP 200\) does not match findCustomer's schema:\n.*customer\.lago_id/);
  });

  it('refuses a bad request before sending it', async () => {
    const client = lago();
    const page = await rejection(client.GET('/api/v1/customers', { params: { query: { per_page: 0 } } }));
    expect(page).toBeInstanceOf(StripeValidationError);
    expect((page as StripeValidationError).issues.map((issue) => issue.field)).toEqual(['query.per_page']);
    const typo = await rejection(client.POST('/api/v1/customers', { body: { customer: { external_id: 'a', emial: 'a@b.test' } as never } }));
    expect((typo as Error).message).toContain('body.customer');
    expect((typo as StripeValidationError).issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['emial'] });
    const noId = await rejection(client.POST('/api/v1/customers', { body: { customer: { name: 'x' } } as never }));
    expect((noId as StripeValidationError).issues.map((issue) => issue.field)).toEqual(['body.customer.external_id']);
    const dots = await rejection(client.GET('/api/v1/customers/{external_customer_id}', byId('..')));
    expect((dots as StripeValidationError).issues.map((issue) => issue.field)).toEqual(['path.external_customer_id']);
    expect(mock.requests).toHaveLength(0);
  });

  it('refuses an unusable key or base URL at once', () => {
    expect(() => createLagoClient({ apiKey: '' })).toThrow(/apiKey: must be a Lago API key/);
    expect(() => createLagoClient({ apiKey: 'key\r\nX-Evil: 1' })).toThrow(StripeValidationError);
    expect(() => createLagoClient({ apiKey: KEY, baseUrl: 'api.getlago.com' })).toThrow(/baseUrl: must be an absolute URL/);
  });
});

describe('the Lago mock, without the client', () => {
  const post = (body: string, authorization = `Bearer ${KEY}`) =>
    fetch(`${LAGO_US}/api/v1/customers`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });

  it("answers Lago's envelopes: 401 without the key, 400 without a customer, 422 without external_id", async () => {
    const unauthorized = await post('{}', 'Bearer nope');
    expect([unauthorized.status, await unauthorized.json()]).toEqual([401, { status: 401, error: 'Unauthorized' }]);
    const bad = await post('not json');
    expect([bad.status, await bad.json()]).toEqual([400, { status: 400, error: 'BadRequest' }]);
    const missing = await post(JSON.stringify({ customer: { name: 'No id' } }));
    expect([missing.status, await missing.json()]).toEqual([
      422,
      { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { external_id: ['value_is_mandatory'] } },
    ]);
    const typed = await post(JSON.stringify({ customer: { external_id: 'a', name: 7 } }));
    expect((await typed.json()).error_details).toEqual({ name: ['value_is_invalid'] });
    expect(mock.store.list()).toEqual([]);
  });

  it('upserts by external_id: fields left out keep their value, billing_configuration merges per field', async () => {
    mock.seed([documentedLagoCustomer()]);
    const external_id = '5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba';
    const answer = await post(JSON.stringify({ customer: { external_id, city: 'Paris', billing_configuration: { sync_with_provider: false } } }));
    expect(answer.status).toBe(200);
    const stored = mock.store.get(external_id)!;
    expect(stored).toEqual({
      ...documentedLagoCustomer(),
      city: 'Paris',
      billing_configuration: { ...documentedLagoCustomer().billing_configuration, sync_with_provider: false },
    });
    expect(mock.store.list()).toHaveLength(1);
  });

  it('applies a metadata list and known tax codes, and refuses an unknown tax code', async () => {
    mock.seed([documentedLagoCustomer()]);
    const [pair] = documentedLagoCustomer().metadata!;
    const metadata = [{ id: pair!.lago_id, key: 'Purchase Order', value: '42', display_in_invoice: false }, { key: 'Cost center', value: 'R&D', display_in_invoice: true }];
    const external_id = '5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba';
    const answer = await post(JSON.stringify({ customer: { external_id, metadata, tax_codes: ['vat_fr'] } }));
    const { customer } = await answer.json();
    expect(customer.metadata[0]).toEqual({ ...pair, value: '42', display_in_invoice: false });
    expect(customer.metadata[1]).toMatchObject({ key: 'Cost center', value: 'R&D', created_at: '2024-05-01T12:00:00Z' });
    expect(customer.taxes.map((tax: { code: string }) => tax.code)).toEqual(['vat_fr']);
    const unknown = await post(JSON.stringify({ customer: { external_id, tax_codes: ['vat_xx'] } }));
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'tax_not_found']);
  });

  it('refuses to seed a customer that is not one', () => {
    expect(() => mock.seed([{ ...documentedLagoCustomer(), created_at: 7 } as never])).toThrow(/not a valid Lago customer[\s\S]*created_at/);
  });
});
