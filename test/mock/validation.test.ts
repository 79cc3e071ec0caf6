import { describe, expect, it } from 'vitest';
import { StripeInvalidRequestError, type StripeCustomersClient } from '../../src/index.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw, rejection } from './setup.js';

const server = useMswServer();

describe('rules beyond the schema come back as the client\'s typed error, with Stripe\'s param', () => {
  it.each<[string, (stripe: StripeCustomersClient) => Promise<unknown>, Record<string, unknown>]>([
    ['an email that is not an address', (s) => s.customers.create({ email: 'jenny' }), { param: 'email', code: 'email_invalid' }],
    ['a lower-case invoice prefix', (s) => s.customers.create({ invoice_prefix: 'abc' }), { param: 'invoice_prefix', code: 'parameter_invalid' }],
    ['a metadata key over 40 characters', (s) => s.customers.create({ metadata: { ['k'.repeat(41)]: 'v' } }), { param: `metadata[${'k'.repeat(41)}]` }],
    ['a metadata value over 500 characters', (s) => s.customers.create({ metadata: { note: 'v'.repeat(501) } }), { param: 'metadata[note]' }],
    [
      'more than 4 invoice custom fields',
      (s) => s.customers.create({ invoice_settings: { custom_fields: Array.from({ length: 5 }, (_, i) => ({ name: `n${i}`, value: 'v' })) } }),
      { param: 'invoice_settings[custom_fields]' },
    ],
    ['a coupon the mock does not have', (s) => s.customers.create({ coupon: 'SUMMER' }), { param: 'coupon', code: 'resource_missing' }],
    ['a list cursor that names no customer', (s) => s.customers.list({ starting_after: 'cus_nope' }), { param: 'starting_after', code: 'resource_missing' }],
    ['both list cursors', (s) => s.customers.list({ starting_after: 'cus_a', ending_before: 'cus_b' }), { param: 'ending_before' }],
    ['a search query it cannot parse', (s) => s.customers.search({ query: 'email:jenny' }), { param: 'query' }],
    ['a search cursor from elsewhere', (s) => s.customers.search({ query: "name:'a'", page: 'bm9wZQ' }), { param: 'page' }],
  ])('%s', async (_, call, expected) => {
    const { stripe, mock } = mockStripe(server);
    const error = await rejection(call(stripe));
    expect(error).toBeInstanceOf(StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, type: 'invalid_request_error', ...expected });
    expect((error as StripeInvalidRequestError).requestId).toMatch(/^req_/);
    expect(mock.store.list()).toEqual([]);
  });
});

describe('raw requests the client would refuse to send get Stripe\'s 400 envelope', () => {
  const post = (path: string, body: string) => raw(path, { method: 'POST', body });

  it.each<[string, () => ReturnType<typeof raw>, { code: string; param: string; message?: RegExp }]>([
    [
      'a too-long custom field name, named down to the item',
      () => post('/v1/customers', `invoice_settings[custom_fields][0][name]=${'x'.repeat(41)}&invoice_settings[custom_fields][0][value]=v`),
      { code: 'parameter_invalid', param: 'invoice_settings[custom_fields][0][name]', message: /<=40 characters/ },
    ],
    ['an unknown parameter', () => post('/v1/customers', 'email=a%40example.com&foo=bar'), { code: 'parameter_unknown', param: 'foo', message: /^Received unknown parameter: foo$/ }],
    ['an unknown nested parameter', () => post('/v1/customers', 'address[planet]=Mars'), { code: 'parameter_unknown', param: 'address[planet]' }],
    ['a create-only parameter on update', () => post('/v1/customers/cus_1', 'tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE1'), { code: 'parameter_unknown', param: 'tax_id_data' }],
    ['shipping without its required name', () => post('/v1/customers', 'shipping[address][city]=Paris'), { code: 'parameter_missing', param: 'shipping[name]' }],
    // The client refuses these paths itself; a raw request shows the mock refuses them too.
    ['a path that cannot be expanded', () => post('/v1/customers', 'expand[0]=invoice_settings'), { code: 'parameter_invalid', param: 'expand' }],
    ['a list expand without data.', () => raw('/v1/customers?expand[0]=tax_ids'), { code: 'parameter_invalid', param: 'expand' }],
    ['a search without a query', () => raw('/v1/customers/search?limit=3'), { code: 'parameter_missing', param: 'query', message: /^Missing required param: query\.$/ }],
    ['a limit that is not an integer', () => raw('/v1/customers?limit=ten'), { code: 'parameter_invalid', param: 'limit' }],
    ['a limit over 100', () => raw('/v1/customers?limit=101'), { code: 'parameter_invalid', param: 'limit', message: /<=100/ }],
    ['a tax_exempt outside the enum', () => post('/v1/customers', 'tax_exempt=sometimes'), { code: 'parameter_invalid', param: 'tax_exempt' }],
    ['params on a DELETE, which takes none', () => raw('/v1/customers/cus_1?force=true', { method: 'DELETE' }), { code: 'parameter_unknown', param: 'force' }],
    ['malformed percent-encoding', () => post('/v1/customers', 'name=%E0%A4%A'), { code: 'parameter_invalid', param: 'name' }],
    ['a key used as a string and an object', () => post('/v1/customers', 'address=x&address[city]=Paris'), { code: 'parameter_invalid', param: 'address' }],
  ])('%s', async (_, send, expected) => {
    mockStripe(server);
    const { status, headers, body } = await send();
    expect(status).toBe(400);
    expect(headers.get('request-id')).toMatch(/^req_/);
    expect(headers.get('content-type')).toBe('application/json');
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: expected.code, param: expected.param });
    if (expected.message) expect(body.error.message).toMatch(expected.message);
  });

  it('accepts brackets sent percent-encoded, as Stripe does', async () => {
    mockStripe(server);
    const { status, body } = await post('/v1/customers', 'metadata%5Border_id%5D=6735&expand%5B%5D=tax_ids');
    expect(status).toBe(200);
    expect(body.metadata).toEqual({ order_id: '6735' });
    expect(body.tax_ids).toMatchObject({ object: 'list' });
  });

  it('answers an unknown route with Stripe\'s 404, JSON and a Request-Id', async () => {
    mockStripe(server);
    const { status, headers, body } = await raw('/v1/customers/cus_1/frobnicate', { method: 'POST', body: '' });
    expect(status).toBe(404);
    expect(headers.get('request-id')).toMatch(/^req_/);
    expect(body.error).toMatchObject({ type: 'invalid_request_error' });
    expect(body.error.message).toMatch(/^Unrecognized request URL \(POST: \/v1\/customers\/cus_1\/frobnicate\)/);
  });

  it('echoes Stripe-Version, defaulting to the spec\'s version', async () => {
    mockStripe(server);
    expect((await raw('/v1/customers', { headers: { 'Stripe-Version': '2024-09-30.acacia' } })).headers.get('stripe-version')).toBe('2024-09-30.acacia');
    expect((await raw('/v1/customers')).headers.get('stripe-version')).toBe('2024-04-10');
  });
});
