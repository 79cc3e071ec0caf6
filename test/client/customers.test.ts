import { describe, expect, it } from 'vitest';
import { createClient, decodeForm, operations, parseForm, specInfo } from '../../src/index.js';
import { customerJson, deletedCustomerJson, listJson } from '../support/fixtures.js';
import { captureRequests, useMswServer } from '../support/msw.js';

const server = useMswServer();
const client = createClient({ apiKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' });
const capture = (method: 'get' | 'post' | 'delete', path: string, body: unknown) => captureRequests(server, method, path, body);

function only(requests: Request[]): Request {
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

describe('customers.create', () => {
  it('POSTs the minimal profile as a Stripe form body with auth, content type and version', async () => {
    const seen = capture('post', '/v1/customers', customerJson());
    const customer = await client.customers.create({
      email: 'jenny.rosen@example.com',
      name: 'Jenny Rosen',
      metadata: { app_user_id: 'u_42' },
    });
    const request = only(seen);
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/v1/customers');
    expect(request.headers.get('authorization')).toBe('Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc');
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request.headers.get('stripe-version')).toBe(specInfo.version);
    expect(request.headers.get('stripe-account')).toBeNull();
    expect(await request.text()).toBe('email=jenny.rosen%40example.com&name=Jenny%20Rosen&metadata[app_user_id]=u_42');
    expect(customer.id).toBe('cus_NffrFeUfNV2Hib');
    expect(customer.metadata).toEqual({ app_user_id: 'u_42' });
  });

  it('encodes nested objects, indexed arrays, expand and the "" unset branch', async () => {
    const seen = capture('post', '/v1/customers', customerJson());
    const params = {
      address: { line1: '1 Rue de Rivoli', city: 'Paris', country: 'FR' },
      shipping: { name: 'Jenny', address: { city: 'Paris' } },
      preferred_locales: ['fr', 'en'],
      invoice_settings: { custom_fields: [{ name: 'PO', value: '12 & 13' }], rendering_options: '' as const },
      tax_id_data: [{ type: 'eu_vat' as const, value: 'DE123456789' }],
      tax_exempt: 'reverse' as const,
      balance: -500,
      expand: ['tax_ids', 'default_source'],
    };
    await client.customers.create(params);
    const text = await only(seen).text();
    expect(text).toContain('tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE123456789');
    expect(text).toContain('invoice_settings[custom_fields][0][value]=12%20%26%2013');
    expect(text).toContain('invoice_settings[rendering_options]=&');
    expect(text).toContain('expand[0]=tax_ids&expand[1]=default_source');
    expect(decodeForm(text, operations.PostCustomers.bodySchema)).toEqual(params);
  });

  it('sends Stripe-Account, Stripe-Version and Idempotency-Key from per-request options', async () => {
    const seen = capture('post', '/v1/customers', customerJson());
    await client.customers.create(
      { email: 'a@example.com' },
      { stripeAccount: 'acct_1032D82eZvKYlo2C', apiVersion: '2024-09-30.acacia', idempotencyKey: 'signup-u_42' },
    );
    const request = only(seen);
    expect(request.headers.get('stripe-account')).toBe('acct_1032D82eZvKYlo2C');
    expect(request.headers.get('stripe-version')).toBe('2024-09-30.acacia');
    expect(request.headers.get('idempotency-key')).toBe('signup-u_42');
  });

  it('uses client-level stripeAccount and apiVersion unless a request overrides them', async () => {
    const scoped = createClient({ apiKey: 'sk_test_abc', stripeAccount: 'acct_1', apiVersion: '2023-10-16' });
    const seen = capture('post', '/v1/customers', customerJson());
    await scoped.customers.create({});
    await scoped.customers.create({}, { stripeAccount: 'acct_2' });
    expect(seen.map((r) => r.headers.get('stripe-account'))).toEqual(['acct_1', 'acct_2']);
    expect(seen.map((r) => r.headers.get('stripe-version'))).toEqual(['2023-10-16', '2023-10-16']);
  });

  it('sends an empty body when called without params', async () => {
    const seen = capture('post', '/v1/customers', customerJson());
    await client.customers.create();
    expect(await only(seen).text()).toBe('');
  });
});

describe('customers.retrieve', () => {
  it('GETs /v1/customers/{id} with expand in the query and no body', async () => {
    const seen = capture('get', '/v1/customers/:id', customerJson());
    const customer = await client.customers.retrieve('cus_NffrFeUfNV2Hib', { expand: ['tax_ids'] });
    const request = only(seen);
    const url = new URL(request.url);
    expect(request.method).toBe('GET');
    expect(url.pathname).toBe('/v1/customers/cus_NffrFeUfNV2Hib');
    expect(url.search).toBe('?expand[0]=tax_ids');
    expect(request.headers.get('content-type')).toBeNull();
    expect(request.headers.get('idempotency-key')).toBeNull();
    expect(customer.id).toBe('cus_NffrFeUfNV2Hib');
  });

  it('returns the deleted stub for a deleted customer', async () => {
    capture('get', '/v1/customers/:id', deletedCustomerJson());
    const customer = await client.customers.retrieve('cus_NffrFeUfNV2Hib');
    expect(customer).toEqual({ id: 'cus_NffrFeUfNV2Hib', object: 'customer', deleted: true });
    expect('deleted' in customer && customer.deleted).toBe(true);
  });

  it('percent-encodes the id so it cannot leave its path segment', async () => {
    const seen = capture('get', '/v1/customers/:id', customerJson());
    await client.customers.retrieve('cus_1/../../v1/charges?x=1#y');
    const url = new URL(only(seen).url);
    expect(url.pathname).toBe('/v1/customers/cus_1%2F..%2F..%2Fv1%2Fcharges%3Fx%3D1%23y');
    expect(url.search).toBe('');
  });
});

describe('customers.update', () => {
  it('POSTs to /v1/customers/{id}; "" unsets, metadata[key]= deletes one key', async () => {
    const seen = capture('post', '/v1/customers/:id', customerJson({ email: 'new@example.com' }));
    const customer = await client.customers.update('cus_NffrFeUfNV2Hib', {
      email: 'new@example.com',
      address: '',
      metadata: { app_user_id: 'u_42', old_key: '' },
      default_source: 'card_1',
    });
    const request = only(seen);
    expect(new URL(request.url).pathname).toBe('/v1/customers/cus_NffrFeUfNV2Hib');
    expect(await request.text()).toBe(
      'email=new%40example.com&address=&metadata[app_user_id]=u_42&metadata[old_key]=&default_source=card_1',
    );
    expect(customer.email).toBe('new@example.com');
  });

  it('clears all metadata with metadata=""', async () => {
    const seen = capture('post', '/v1/customers/:id', customerJson({ metadata: {} }));
    await client.customers.update('cus_1', { metadata: '' });
    expect(await only(seen).text()).toBe('metadata=');
  });
});

describe('customers.delete', () => {
  it('DELETEs /v1/customers/{id} and returns the deleted stub', async () => {
    const seen = capture('delete', '/v1/customers/:id', deletedCustomerJson('cus_1'));
    const deleted = await client.customers.delete('cus_1');
    const request = only(seen);
    expect(request.method).toBe('DELETE');
    expect(new URL(request.url).pathname).toBe('/v1/customers/cus_1');
    expect(deleted).toEqual({ id: 'cus_1', object: 'customer', deleted: true });
  });
});

describe('customers.list', () => {
  it('GETs /v1/customers with limit, cursors, email and a created range in the query', async () => {
    const seen = capture('get', '/v1/customers', listJson([customerJson()], true));
    const page = await client.customers.list({
      limit: 3,
      starting_after: 'cus_A',
      email: 'jenny.rosen@example.com',
      created: { gte: 1680000000, lt: 1690000000 },
    });
    const url = new URL(only(seen).url);
    expect(url.pathname).toBe('/v1/customers');
    expect(parseForm(url.search.slice(1))).toEqual({
      limit: '3',
      starting_after: 'cus_A',
      email: 'jenny.rosen@example.com',
      created: { gte: '1680000000', lt: '1690000000' },
    });
    expect(page.has_more).toBe(true);
    expect(page.data[0]?.id).toBe('cus_NffrFeUfNV2Hib');
  });
});

describe('customers.search', () => {
  it('GETs /v1/customers/search with the query percent-encoded', async () => {
    const body = { object: 'search_result', data: [customerJson()], has_more: false, next_page: null, url: '/v1/customers/search' };
    const seen = capture('get', '/v1/customers/search', body);
    const query = "metadata['app_user_id']:'u_42' AND email~'example.com'";
    const result = await client.customers.search({ query, limit: 10 });
    const url = new URL(only(seen).url);
    expect(url.pathname).toBe('/v1/customers/search');
    expect(url.searchParams.get('query')).toBe(query);
    expect(url.search).toContain('query=metadata%5B%27app_user_id%27%5D%3A%27u_42%27%20AND');
    expect(result.data).toHaveLength(1);
    expect(result.next_page).toBeNull();
  });
});
