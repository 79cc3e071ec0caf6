// `expand` paths at the wire: a path the spec's expandable fields do not allow is refused before
// anything is sent; every documented path goes out as written.
import { describe, expect, it } from 'vitest';
import { createClient, StripeValidationError } from '../../src/index.js';
import { customerJson, listJson } from '../support/fixtures.js';
import { captureRequests, countRequests, useMswServer } from '../support/msw.js';

const server = useMswServer();
const client = createClient({ apiKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', maxRetries: 0 });
const CUS = 'cus_NffrFeUfNV2Hib';

/** Paths typed as plain strings: the compiler lets them through, so the client's own check is what answers. */
const paths = (...list: string[]): string[] => list;

/** The `expand[i]` values a request carried, in order. */
function sentExpand(request: Request): string[] {
  const url = new URL(request.url);
  const query = [...url.searchParams].filter(([key]) => key.startsWith('expand['));
  return query.map(([, value]) => value);
}

/** The error a call rejects with, which must be a validation error. */
async function refusal(call: Promise<unknown>): Promise<StripeValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StripeValidationError);
  return error as StripeValidationError;
}

describe('a path the operation cannot expand is refused, and nothing is sent', () => {
  it('a misspelled field names the path and lists what expands there', async () => {
    const counter = countRequests(server, customerJson());
    const error = await refusal(client.customers.retrieve(CUS, { expand: paths('default_sauce') }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ field: 'expand[0]', path: ['expand', 0] });
    expect(error.message).toContain(
      'expand[0]: "default_sauce" is not expandable here; expandable: cash_balance, default_source, discount, ' +
        'invoice_credit_balance, invoice_settings.default_payment_method, sources, subscriptions, tax, tax_ids, test_clock',
    );
    expect(counter.count).toBe(0);
  });

  it.each([
    ['a misspelling two fields deep', 'invoice_settings.default_paymnt_method', 'expandable under invoice_settings: default_payment_method'],
    ['a value object on its own', 'invoice_settings', '"invoice_settings" is not expandable itself; expandable under it: default_payment_method'],
    ['an address, which never expands', 'address', '"address" is not expandable here'],
    ['a path below a field where nothing expands', 'cash_balance.settings', 'nothing under cash_balance expands'],
  ])('%s', async (_, path, message) => {
    const counter = countRequests(server, customerJson());
    const error = await refusal(client.customers.update(CUS, { expand: paths(path) }));
    expect(error.message).toContain(message);
    expect(counter.count).toBe(0);
  });

  it('one bad path among good ones is reported at its index', async () => {
    const counter = countRequests(server, customerJson());
    const error = await refusal(client.customers.create({ expand: paths('default_source', 'tax_idz', 'sources', 'emial') }));
    expect(error.issues.map((i) => i.field)).toEqual(['expand[1]', 'expand[3]']);
    expect(counter.count).toBe(0);
  });

  it('a page expands through data., awaited or iterated', async () => {
    const counter = countRequests(server, listJson([]));
    const error = await refusal(client.customers.list({ expand: paths('default_source') }));
    expect(error.message).toContain('"default_source" is not expandable here; expandable: data.cash_balance, data.default_source,');
    const walk = (async () => {
      for await (const customer of client.customers.list({ expand: paths('data.default_sauce') })) void customer;
    })();
    expect((await refusal(walk)).message).toContain('expandable under data: cash_balance, default_source');
    expect(counter.count).toBe(0);
  });
});

describe('every documented path is sent as written', () => {
  it.each([
    'default_source',
    'invoice_settings.default_payment_method',
    'tax_ids',
    'sources',
    'subscriptions',
    'test_clock',
    'discount.promotion_code',
    'cash_balance',
    'tax',
    'invoice_credit_balance',
    'default_source.customer.test_clock',
  ])('retrieve with %s', async (path) => {
    const seen = captureRequests(server, 'get', '/v1/customers/:customer', customerJson());
    await expect(client.customers.retrieve(CUS, { expand: paths(path) })).resolves.toMatchObject({ id: CUS });
    expect(seen).toHaveLength(1);
    expect(sentExpand(seen[0]!)).toEqual([path]);
  });

  it('in a body, several at once', async () => {
    const seen = captureRequests(server, 'post', '/v1/customers', customerJson());
    await client.customers.create({ expand: ['default_source', 'invoice_settings.default_payment_method', 'tax_ids'] });
    const body = new URLSearchParams(await seen[0]!.text());
    expect([...body].filter(([k]) => k.startsWith('expand['))).toEqual([
      ['expand[0]', 'default_source'],
      ['expand[1]', 'invoice_settings.default_payment_method'],
      ['expand[2]', 'tax_ids'],
    ]);
  });

  it('a list page: data.default_source', async () => {
    const seen = captureRequests(server, 'get', '/v1/customers', listJson([customerJson()]));
    await client.customers.list({ expand: ['data.default_source', 'data.tax_ids'] });
    expect(sentExpand(seen[0]!)).toEqual(['data.default_source', 'data.tax_ids']);
  });

  it("search results: total_count, which Stripe includes only on request, and the items' fields", async () => {
    const page = { object: 'search_result', data: [], has_more: false, next_page: null, url: '/v1/customers/search', total_count: 0 };
    const seen = captureRequests(server, 'get', '/v1/customers/search', page);
    await client.customers.search({ query: "email:'a@b.c'", expand: ['total_count', 'data.test_clock'] });
    expect(sentExpand(seen[0]!)).toEqual(['total_count', 'data.test_clock']);
  });

  it('a sub-resource: a tax id expands its customer', async () => {
    const taxId = { id: 'txi_1', object: 'tax_id', country: 'DE', created: 1, customer: CUS, livemode: false, type: 'eu_vat', value: 'DE123456789', verification: null };
    const seen = captureRequests(server, 'get', '/v1/customers/:customer/tax_ids/:id', taxId);
    await client.customers.retrieveTaxId(CUS, 'txi_1', { expand: ['customer'] });
    expect(sentExpand(seen[0]!)).toEqual(['customer']);
  });
});
