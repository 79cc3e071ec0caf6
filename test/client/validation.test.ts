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

// Each case: the top-level zod issue codes, and the `field: message` lines the error message lists
// (a failed union is read through its likeliest branch, so the line names the field inside it).
const cases: [string, { params: unknown; codes: string[]; lines: string[] }][] = [
  ['a custom field name over 40 characters', {
    params: { invoice_settings: { custom_fields: [{ name: 'x'.repeat(41), value: 'v' }] } },
    codes: ['too_big'],
    lines: ['invoice_settings.custom_fields[0].name: Too big: expected string to have <=40 characters'],
  }],
  ['a custom field value over 140 characters', {
    params: { invoice_settings: { custom_fields: [{ name: 'n', value: 'v'.repeat(141) }] } },
    codes: ['too_big'],
    lines: ['invoice_settings.custom_fields[0].value: Too big: expected string to have <=140 characters'],
  }],
  ['a missing required key inside an array item', {
    params: { tax_id_data: [{ type: 'eu_vat' }] },
    codes: ['invalid_type'],
    lines: ['tax_id_data[0].value: Invalid input: expected string, received undefined'],
  }],
  ['an unknown param', { params: { emial: 'a@example.com' }, codes: ['unrecognized_keys'], lines: ['emial: Unrecognized key: "emial"'] }],
  ['an unknown nested param', {
    params: { address: { city: 'Paris', zip: '75001' } },
    codes: ['unrecognized_keys'],
    lines: ['address.zip: Unrecognized key: "zip"'],
  }],
  ['a wrong type inside the object branch of an anyOf', {
    params: { address: { city: 5 } },
    codes: ['invalid_union'],
    lines: ['address.city: Invalid input: expected string, received number'],
  }],
  ['a value fitting neither the object nor the "" branch', {
    params: { address: 'Paris' },
    codes: ['invalid_union'],
    lines: ['address: Invalid input: expected object, received string'],
  }],
  ['a closed enum value', {
    params: { tax_exempt: 'sometimes' },
    codes: ['invalid_value'],
    lines: ['tax_exempt: Invalid option: expected one of ""|"exempt"|"none"|"reverse"'],
  }],
  ['a non-integer balance', { params: { balance: 1.5 }, codes: ['invalid_type'], lines: ['balance: Invalid input: expected int, received number'] }],
  ['an email over 512 characters', {
    params: { email: `${'a'.repeat(510)}@x.io` },
    codes: ['too_big'],
    lines: ['email: Too big: expected string to have <=512 characters'],
  }],
  ['a metadata value that is not a string', {
    params: { metadata: { app_user_id: 42 } },
    codes: ['invalid_union'],
    lines: ['metadata.app_user_id: Invalid input: expected string, received number'],
  }],
  ['several problems at once', {
    params: { phone: '1'.repeat(21), name: 7, shipping: { address: {} } },
    codes: ['invalid_type', 'too_big', 'invalid_union'],
    lines: [
      'name: Invalid input: expected string, received number',
      'phone: Too big: expected string to have <=20 characters',
      'shipping.name: Invalid input: expected string, received undefined',
    ],
  }],
];

describe('params are validated before anything is sent', () => {
  it.each(cases)('refuses %s with zod issues and a line per problem', async (_, { params, codes, lines }) => {
    const requests = countRequests();
    const error = await validationError(client.customers.create(bad(params)));
    expect(error.issues.map((i) => i.code)).toEqual(codes);
    for (const issue of error.issues) {
      expect(issue).toMatchObject({ path: expect.any(Array), message: expect.any(String), field: expect.any(String) });
    }
    expect(error.message.split('\n').slice(1).map((l) => l.trim())).toEqual(lines);
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
    expect(limit.issues).toEqual([
      { origin: 'number', code: 'too_big', maximum: 100, inclusive: true, path: ['limit'], message: 'Too big: expected number to be <=100', field: 'limit' },
    ]);
    const search = await validationError(client.customers.search({} as never));
    expect(search.issues).toMatchObject([{ code: 'invalid_type', expected: 'string', path: ['query'], field: 'query' }]);
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
    expect(long.issues[0]).toMatchObject({ field: 'idempotencyKey', message: 'at most 255 characters' });
    expect(requests.count).toBe(0);
  });

  it('refuses values the form encoding cannot carry, such as a metadata key with brackets', async () => {
    const requests = countRequests();
    const error = await validationError(client.customers.create({ metadata: { 'a[b]': 'x' } }));
    expect(error.issues[0]?.message).toContain('key cannot contain');
    expect(requests.count).toBe(0);
  });
});
