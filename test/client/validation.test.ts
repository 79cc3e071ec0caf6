import { describe, expect, it } from 'vitest';
import { createClient, StripeValidationError, type CustomerCreateParams } from '../../src/index.js';
import { customerJson } from '../support/fixtures.js';
import { countRequests as countAll, useMswServer } from '../support/msw.js';

const server = useMswServer();
const countRequests = () => countAll(server, customerJson());
const client = createClient({ apiKey: 'sk_test_123' });

async function validationError(promise: Promise<unknown>): Promise<StripeValidationError> {
  const error = await promise.then(() => expect.unreachable('should be refused'), (e: unknown) => e);
  expect(error).toBeInstanceOf(StripeValidationError);
  return error as StripeValidationError;
}

const bad = (params: unknown) => params as CustomerCreateParams;

const cases: [string, { params: unknown; want: [string, string][] }][] = [
  ['a custom field name over 30 characters', {
    params: { invoice_settings: { custom_fields: [{ name: 'x'.repeat(31), value: 'v' }] } },
    want: [['invoice_settings.custom_fields[0].name', 'at most 30 characters']],
  }],
  ['a missing required key inside an array item', {
    params: { tax_id_data: [{ type: 'eu_vat' }] },
    want: [['tax_id_data[0].value', 'required']],
  }],
  ['an unknown param', { params: { emial: 'a@example.com' }, want: [['emial', 'unknown parameter']] }],
  ['an unknown nested param', {
    params: { address: { city: 'Paris', zip: '75001' } },
    want: [['address.zip', 'unknown parameter']],
  }],
  ['a wrong type inside the object branch of an anyOf', {
    params: { address: { city: 5 } },
    want: [['address.city', 'expected string, got integer']],
  }],
  ['a value fitting neither the object nor the "" branch', {
    params: { address: 'Paris' },
    want: [['address', 'expected object or "", got string']],
  }],
  ['a closed enum value', {
    params: { tax_exempt: 'sometimes' },
    want: [['tax_exempt', 'expected one of "", "exempt", "none", "reverse"']],
  }],
  ['a non-integer balance', { params: { balance: 1.5 }, want: [['balance', 'expected integer, got number']] }],
  ['an email over 512 characters', { params: { email: `${'a'.repeat(510)}@x.io` }, want: [['email', 'at most 512 characters']] }],
  ['a metadata value that is not a string', {
    params: { metadata: { app_user_id: 42 } },
    want: [['metadata.app_user_id', 'expected string, got integer']],
  }],
  ['several problems at once', {
    params: { phone: '1'.repeat(21), name: 7, shipping: { address: {} } },
    want: [['name', 'expected string, got integer'], ['phone', 'at most 20 characters'], ['shipping.name', 'required']],
  }],
];

describe('params are validated before anything is sent', () => {
  it.each(cases)('refuses %s, naming the field and the rule', async (_, { params, want }) => {
    const requests = countRequests();
    const error = await validationError(client.customers.create(bad(params)));
    expect(error.issues.map((i) => [i.field, i.rule]).sort()).toEqual(want.sort());
    for (const [field, rule] of want) expect(error.message).toContain(`${field}: ${rule}`);
    expect(requests.count).toBe(0);
  });

  it('accepts a tax id type Stripe added after this spec (x-stripeBypassValidation)', async () => {
    const requests = countRequests();
    // The openapi-typescript param type lists the known values; at run time a newer one is let through.
    await client.customers.create({ tax_id_data: [{ type: 'zz_new_vat' as 'eu_vat', value: '123' }] });
    expect(requests.count).toBe(1);
  });

  it('refuses list limits outside 1..100 and a search without a query', async () => {
    const requests = countRequests();
    const limit = await validationError(client.customers.list({ limit: 101 }));
    expect(limit.issues).toEqual([{ path: ['limit'], field: 'limit', rule: 'at most 100' }]);
    const search = await validationError(client.customers.search({} as never));
    expect(search.issues.map((i) => `${i.field}: ${i.rule}`)).toEqual(['query: required']);
    expect(requests.count).toBe(0);
  });

  it.each([[''], ['.'], ['..']])('refuses the path id %j', async (id) => {
    const requests = countRequests();
    const error = await validationError(client.customers.retrieve(id));
    expect(error.issues[0]?.field).toBe('customer');
    expect(requests.count).toBe(0);
  });

  it('refuses header values with CR/LF and an Idempotency-Key over 255 characters', async () => {
    const requests = countRequests();
    const crlf = await validationError(client.customers.create({}, { stripeAccount: 'acct_1\r\nX-Evil: 1' }));
    expect(crlf.issues[0]).toMatchObject({ field: 'stripeAccount' });
    const long = await validationError(client.customers.create({}, { idempotencyKey: 'k'.repeat(256) }));
    expect(long.issues[0]).toMatchObject({ field: 'idempotencyKey', rule: 'at most 255 characters' });
    expect(requests.count).toBe(0);
  });

  it('refuses values the form encoding cannot carry, such as a metadata key with brackets', async () => {
    const requests = countRequests();
    const error = await validationError(client.customers.create({ metadata: { 'a[b]': 'x' } }));
    expect(error.issues[0]?.rule).toContain('key cannot contain');
    expect(requests.count).toBe(0);
  });
});
