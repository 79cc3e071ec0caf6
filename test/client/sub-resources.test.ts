import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  decodeForm,
  operations,
  StripeNotFoundError,
  StripeValidationError,
  type CustomerCreateBalanceTransactionParams,
  type CustomerCreateTaxIdParams,
  type StripeCustomersClient,
  type TaxId,
} from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { customerJson } from '../support/fixtures.js';
import { captureRequests, countRequests as countAll, STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const capture = (method: Method, path: string, body: unknown) => captureRequests(server, method, path, body);
const countRequests = () => countAll(server);
const client = createClient({ apiKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' });

const CUS = 'cus_NffrFeUfNV2Hib';
/** An id that would leave its path segment if it were not percent-encoded, and its encoded form. */
const HOSTILE = 'cus_1/../../v1/charges?x=1#y';
const HOSTILE_SEGMENT = 'cus_1%2F..%2F..%2Fv1%2Fcharges%3Fx%3D1%23y';

// Objects as Stripe returns them (API version 2024-04-10), for tests to adjust.

function taxIdJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'txi_1NuMB12eZvKYlo2CMecoWkZd',
    object: 'tax_id',
    country: 'DE',
    created: 1695747899,
    customer: CUS,
    livemode: false,
    // `owner` is not in our spec subset: an unknown field must pass through untouched.
    owner: { type: 'customer', customer: CUS },
    type: 'eu_vat',
    value: 'DE123456789',
    verification: { status: 'pending', verified_address: null, verified_name: null },
    ...overrides,
  };
}

function balanceTransactionJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cbtxn_1MrUfz2eZvKYlo2CyBxOR3ns',
    object: 'customer_balance_transaction',
    amount: -500,
    created: 1680626815,
    credit_note: null,
    currency: 'usd',
    customer: CUS,
    description: 'Goodwill credit',
    ending_balance: -500,
    invoice: null,
    livemode: false,
    metadata: {},
    type: 'adjustment',
    ...overrides,
  };
}

function deletedDiscountJson(): Record<string, unknown> {
  return {
    id: 'di_1NuMB12eZvKYlo2CE8UVd1Ff',
    object: 'discount',
    deleted: true,
    checkout_session: null,
    coupon: {
      id: 'SUMMER25',
      object: 'coupon',
      amount_off: null,
      created: 1680000000,
      currency: null,
      duration: 'repeating',
      duration_in_months: 3,
      livemode: false,
      max_redemptions: null,
      metadata: {},
      name: 'Summer sale',
      percent_off: 25,
      redeem_by: null,
      times_redeemed: 1,
      valid: true,
    },
    customer: CUS,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    start: 1680000100,
    subscription: null,
    subscription_item: null,
  };
}

function cashBalanceJson(mode = 'automatic'): Record<string, unknown> {
  return {
    object: 'cash_balance',
    available: { eur: 10000 },
    customer: CUS,
    livemode: false,
    settings: { reconciliation_mode: mode, using_merchant_default: mode === 'automatic' },
  };
}

function invoiceJson(): Record<string, unknown> {
  return {
    id: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
    object: 'invoice',
    amount_due: 2000,
    amount_paid: 1500,
    amount_remaining: 500,
    created: 1680644467,
    currency: 'usd',
    customer: CUS,
    livemode: false,
    paid: false,
    status: 'open',
    subtotal: 2000,
    total: 2000,
  };
}

function listOf(data: unknown[], url: string, hasMore = false): Record<string, unknown> {
  return { object: 'list', data, has_more: hasMore, url };
}

type Method = 'get' | 'post' | 'delete';

function only(requests: Request[]): Request {
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

async function validationError(promise: Promise<unknown>): Promise<StripeValidationError> {
  const error = await promise.then(
    () => expect.unreachable('should be refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StripeValidationError);
  return error as StripeValidationError;
}

/** The `field: message` lines of the error message, as pairs. */
function issuesOf(error: StripeValidationError): [string, string][] {
  return error.message
    .split('\n')
    .slice(1)
    .map((line) => {
      const [field, ...rest] = line.trim().split(': ');
      return [field!, rest.join(': ')];
    });
}

const search = (request: Request) => new URL(request.url).search;
const pathname = (request: Request) => new URL(request.url).pathname;

describe('customers.createTaxId', () => {
  it('POSTs type and value to /v1/customers/{customer}/tax_ids with an Idempotency-Key', async () => {
    const seen = capture('post', '/v1/customers/:customer/tax_ids', taxIdJson());
    const params = { type: 'eu_vat', value: 'DE123456789' } as const;
    const taxId = await client.customers.createTaxId(CUS, params);
    const request = only(seen);
    expect(request.method).toBe('POST');
    expect(pathname(request)).toBe(`/v1/customers/${CUS}/tax_ids`);
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const text = await request.text();
    expect(text).toBe('type=eu_vat&value=DE123456789');
    expect(decodeForm(text, operations.PostCustomersCustomerTaxIds.bodySchema)).toEqual(params);
    expect(taxId.id).toBe('txi_1NuMB12eZvKYlo2CMecoWkZd');
    expect(taxId.type).toBe('eu_vat');
    expect(taxId.verification?.status).toBe('pending');
    expect((taxId as unknown as { owner: unknown }).owner).toEqual({ type: 'customer', customer: CUS });
  });

  it('percent-encodes the customer id, sends expand, and types the expanded customer', async () => {
    const seen = capture('post', '/v1/customers/:customer/tax_ids', taxIdJson({ customer: customerJson() }));
    const taxId = await client.customers.createTaxId(HOSTILE, { type: 'us_ein', value: '12-3456789', expand: ['customer'] });
    const request = only(seen);
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/tax_ids`);
    expect(search(request)).toBe('');
    expect(await request.text()).toBe('type=us_ein&value=12-3456789&expand[0]=customer');
    expect(taxId.customer?.email).toBe('jenny.rosen@example.com');
  });
});

describe('customers.listTaxIds', () => {
  it('GETs the page with limit and cursors in the query', async () => {
    const seen = capture('get', '/v1/customers/:customer/tax_ids', listOf([taxIdJson()], `/v1/customers/${CUS}/tax_ids`));
    const page = await client.customers.listTaxIds(HOSTILE, { limit: 3, starting_after: 'txi_A', expand: ['data.customer'] });
    const request = only(seen);
    expect(request.method).toBe('GET');
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/tax_ids`);
    expect(decodeForm(search(request).slice(1), operations.GetCustomersCustomerTaxIds.querySchema)).toEqual({
      limit: 3,
      starting_after: 'txi_A',
      expand: ['data.customer'],
    });
    expect(request.headers.get('idempotency-key')).toBeNull();
    expect(page.object).toBe('list');
    expect(page.data[0]?.value).toBe('DE123456789');
  });

  it('iterates two pages with starting_after, then stops on has_more: false', async () => {
    const url = `/v1/customers/${CUS}/tax_ids`;
    const queries: Record<string, unknown>[] = [];
    server.use(
      http.get(`${STRIPE}/v1/customers/:customer/tax_ids`, ({ request, params }) => {
        expect(params.customer).toBe(CUS);
        const query = decodeForm(search(request).slice(1), operations.GetCustomersCustomerTaxIds.querySchema) as Record<string, unknown>;
        queries.push(query);
        return query.starting_after === undefined
          ? stripeJson(listOf([taxIdJson({ id: 'txi_1' }), taxIdJson({ id: 'txi_2' })], url, true))
          : stripeJson(listOf([taxIdJson({ id: 'txi_3', type: 'gb_vat' })], url, false));
      }),
    );
    const seen: TaxId[] = [];
    for await (const taxId of client.customers.listTaxIds(CUS, { limit: 2 })) seen.push(taxId);
    expect(seen.map((t) => t.id)).toEqual(['txi_1', 'txi_2', 'txi_3']);
    expect(seen[2]?.type).toBe('gb_vat');
    expect(queries).toEqual([{ limit: 2 }, { limit: 2, starting_after: 'txi_2' }]);
  });
});

describe('customers.retrieveTaxId', () => {
  it('GETs /v1/customers/{customer}/tax_ids/{id} with both ids encoded and expand in the query', async () => {
    const seen = capture('get', '/v1/customers/:customer/tax_ids/:id', taxIdJson());
    const taxId = await client.customers.retrieveTaxId(HOSTILE, 'txi_1 ?&', { expand: ['customer'] });
    const request = only(seen);
    expect(request.method).toBe('GET');
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/tax_ids/txi_1%20%3F%26`);
    expect(search(request)).toBe('?expand[0]=customer');
    expect(request.headers.get('content-type')).toBeNull();
    expect(taxId.value).toBe('DE123456789');
  });
});

describe('customers.deleteTaxId', () => {
  it('DELETEs the tax id and returns the deleted stub', async () => {
    const seen = capture('delete', '/v1/customers/:customer/tax_ids/:id', { id: 'txi_1', object: 'tax_id', deleted: true });
    const deleted = await client.customers.deleteTaxId(CUS, 'txi_1');
    const request = only(seen);
    expect(request.method).toBe('DELETE');
    expect(pathname(request)).toBe(`/v1/customers/${CUS}/tax_ids/txi_1`);
    expect(search(request)).toBe('');
    expect(request.headers.get('idempotency-key')).toBeNull();
    expect(deleted).toEqual({ id: 'txi_1', object: 'tax_id', deleted: true });
    expect(deleted.deleted).toBe(true);
  });
});

describe('customers.createBalanceTransaction', () => {
  it('POSTs amount, currency, description and metadata to the credit balance', async () => {
    const seen = capture('post', '/v1/customers/:customer/balance_transactions', balanceTransactionJson());
    const params = { amount: -500, currency: 'usd', description: 'Goodwill credit', metadata: { ticket: 'T-42' } };
    const transaction = await client.customers.createBalanceTransaction(CUS, params, { idempotencyKey: 'credit-T-42' });
    const request = only(seen);
    expect(request.method).toBe('POST');
    expect(pathname(request)).toBe(`/v1/customers/${CUS}/balance_transactions`);
    expect(request.headers.get('idempotency-key')).toBe('credit-T-42');
    const text = await request.text();
    expect(text).toBe('amount=-500&currency=usd&description=Goodwill%20credit&metadata[ticket]=T-42');
    expect(decodeForm(text, operations.PostCustomersCustomerBalanceTransactions.bodySchema)).toEqual(params);
    expect(transaction.amount).toBe(-500);
    expect(transaction.ending_balance).toBe(-500);
    expect(transaction.type).toBe('adjustment');
  });
});

describe('customers.listBalanceTransactions', () => {
  it('GETs a page of the credit balance history; iterating follows starting_after', async () => {
    const url = `/v1/customers/${CUS}/balance_transactions`;
    const seen: Request[] = [];
    server.use(
      http.get(`${STRIPE}/v1/customers/:customer/balance_transactions`, ({ request }) => {
        seen.push(request);
        const first = new URL(request.url).searchParams.get('starting_after') === null;
        return first
          ? stripeJson(listOf([balanceTransactionJson({ id: 'cbtxn_2' })], url, true))
          : stripeJson(listOf([balanceTransactionJson({ id: 'cbtxn_1', type: 'applied_to_invoice' })], url));
      }),
    );
    const page = await client.customers.listBalanceTransactions(HOSTILE, { limit: 1 });
    expect(page.data.map((t) => t.id)).toEqual(['cbtxn_2']);
    expect(pathname(seen[0]!)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/balance_transactions`);
    expect(search(seen[0]!)).toBe('?limit=1');
    const ids: string[] = [];
    for await (const t of client.customers.listBalanceTransactions(CUS, { limit: 1 })) ids.push(`${t.id}:${t.type}`);
    expect(ids).toEqual(['cbtxn_2:adjustment', 'cbtxn_1:applied_to_invoice']);
    expect(seen.slice(1).map(search)).toEqual(['?limit=1', '?limit=1&starting_after=cbtxn_2']);
  });
});

describe('customers.retrieveBalanceTransaction', () => {
  it('GETs one transaction; expand types the invoice as the object', async () => {
    const seen = capture(
      'get',
      '/v1/customers/:customer/balance_transactions/:transaction',
      balanceTransactionJson({ invoice: invoiceJson(), type: 'applied_to_invoice' }),
    );
    const transaction = await client.customers.retrieveBalanceTransaction(CUS, 'cbtxn_1/..', { expand: ['invoice'] });
    const request = only(seen);
    expect(request.method).toBe('GET');
    expect(pathname(request)).toBe(`/v1/customers/${CUS}/balance_transactions/cbtxn_1%2F..`);
    expect(search(request)).toBe('?expand[0]=invoice');
    expect(transaction.invoice?.amount_remaining).toBe(500);
    expect(transaction.customer).toBe(CUS);
  });
});

describe('customers.updateBalanceTransaction', () => {
  it('POSTs the new description; metadata="" clears the metadata', async () => {
    const seen = capture(
      'post',
      '/v1/customers/:customer/balance_transactions/:transaction',
      balanceTransactionJson({ description: 'Refund for order 6735' }),
    );
    const transaction = await client.customers.updateBalanceTransaction(HOSTILE, 'cbtxn_1', {
      description: 'Refund for order 6735',
      metadata: '',
    });
    const request = only(seen);
    expect(request.method).toBe('POST');
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/balance_transactions/cbtxn_1`);
    expect(request.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request.text()).toBe('description=Refund%20for%20order%206735&metadata=');
    expect(transaction.description).toBe('Refund for order 6735');
  });

  it('sends an empty body when called without params', async () => {
    const seen = capture('post', '/v1/customers/:customer/balance_transactions/:transaction', balanceTransactionJson());
    await client.customers.updateBalanceTransaction(CUS, 'cbtxn_1');
    expect(await only(seen).text()).toBe('');
  });
});

describe('customers.deleteDiscount', () => {
  it('DELETEs /v1/customers/{customer}/discount and returns the removed discount', async () => {
    const seen = capture('delete', '/v1/customers/:customer/discount', deletedDiscountJson());
    const deleted = await client.customers.deleteDiscount(HOSTILE);
    const request = only(seen);
    expect(request.method).toBe('DELETE');
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/discount`);
    expect(search(request)).toBe('');
    expect(request.headers.get('idempotency-key')).toBeNull();
    expect(deleted.deleted).toBe(true);
    expect(deleted.object).toBe('discount');
    expect(deleted.coupon.percent_off).toBe(25);
    expect(deleted.start).toBe(1680000100);
  });
});

describe('customers.retrieveCashBalance', () => {
  it('GETs /v1/customers/{customer}/cash_balance', async () => {
    const seen = capture('get', '/v1/customers/:customer/cash_balance', cashBalanceJson());
    const balance = await client.customers.retrieveCashBalance(HOSTILE, {});
    const request = only(seen);
    expect(request.method).toBe('GET');
    expect(pathname(request)).toBe(`/v1/customers/${HOSTILE_SEGMENT}/cash_balance`);
    expect(search(request)).toBe('');
    expect(balance.available).toEqual({ eur: 10000 });
    expect(balance.settings.reconciliation_mode).toBe('automatic');
  });
});

describe('customers.updateCashBalance', () => {
  it('POSTs settings[reconciliation_mode]', async () => {
    const seen = capture('post', '/v1/customers/:customer/cash_balance', cashBalanceJson('manual'));
    const params = { settings: { reconciliation_mode: 'manual' } } as const;
    const balance = await client.customers.updateCashBalance(CUS, params);
    const request = only(seen);
    expect(request.method).toBe('POST');
    expect(pathname(request)).toBe(`/v1/customers/${CUS}/cash_balance`);
    expect(request.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const text = await request.text();
    expect(text).toBe('settings[reconciliation_mode]=manual');
    expect(decodeForm(text, operations.PostCustomersCustomerCashBalance.bodySchema)).toEqual(params);
    expect(balance.settings).toEqual({ reconciliation_mode: 'manual', using_merchant_default: false });
  });
});

describe('validation: nothing is sent when params break the schema', () => {
  const badTaxId = (params: unknown) => params as CustomerCreateTaxIdParams;
  const badCredit = (params: unknown) => params as CustomerCreateBalanceTransactionParams;
  const cases: [string, (c: StripeCustomersClient) => Promise<unknown>, [string, string][]][] = [
    ['a tax id without value', (c) => c.customers.createTaxId(CUS, badTaxId({ type: 'eu_vat' })), [['value', 'received undefined']]],
    [
      'a tax id without params at all',
      (c) => c.customers.createTaxId(CUS, badTaxId(undefined)),
      [
        ['type', 'received undefined'],
        ['value', 'received undefined'],
      ],
    ],
    [
      'a balance transaction without amount and currency',
      (c) => c.customers.createBalanceTransaction(CUS, badCredit({ description: 'x' })),
      [
        ['amount', 'received undefined'],
        ['currency', 'received undefined'],
      ],
    ],
    [
      'a non-integer amount',
      (c) => c.customers.createBalanceTransaction(CUS, badCredit({ amount: 1.5, currency: 'usd' })),
      [['amount', 'expected int, received number']],
    ],
    [
      'a description over 350 characters',
      (c) => c.customers.updateBalanceTransaction(CUS, 'cbtxn_1', { description: 'x'.repeat(351) }),
      [['description', '<=350 characters']],
    ],
    [
      'amount on update (it cannot change)',
      (c) => c.customers.updateBalanceTransaction(CUS, 'cbtxn_1', { amount: 5 } as never),
      [['amount', 'Unrecognized key: "amount"']],
    ],
    [
      'a reconciliation mode that does not exist',
      (c) => c.customers.updateCashBalance(CUS, { settings: { reconciliation_mode: 'sometimes' } } as never),
      [['settings.reconciliation_mode', 'expected one of "automatic"|"manual"|"merchant_default"']],
    ],
    ['a list limit over 100', (c) => c.customers.listTaxIds(CUS, { limit: 101 }), [['limit', '<=100']]],
    ['a list limit of 0', (c) => c.customers.listBalanceTransactions(CUS, { limit: 0 }), [['limit', '>=1']]],
    [
      'an empty customer id',
      (c) => c.customers.deleteDiscount(''),
      [['customer', 'must be an id, not empty, "." or ".."']],
    ],
    ['a ".." tax id', (c) => c.customers.deleteTaxId(CUS, '..'), [['id', 'must be an id, not empty, "." or ".."']]],
    [
      'a "." transaction id',
      (c) => c.customers.retrieveBalanceTransaction(CUS, '.'),
      [['transaction', 'must be an id, not empty, "." or ".."']],
    ],
  ];

  it.each(cases)('refuses %s', async (_, run, want) => {
    const counter = countRequests();
    const error = await validationError(run(client));
    const got = issuesOf(error);
    for (const [field, rule] of want) {
      expect(got.find(([f]) => f === field)?.[1], `${field} in ${JSON.stringify(got)}`).toContain(rule);
    }
    expect(got.map(([f]) => f)).toEqual(want.map(([f]) => f));
    expect(counter.count).toBe(0);
  });
});

/** Every new method, called with valid params, and the route it must hit. */
const calls: [string, Method, string, (c: StripeCustomersClient) => Promise<unknown>][] = [
  ['createTaxId', 'post', '/tax_ids', (c) => c.customers.createTaxId(CUS, { type: 'eu_vat', value: 'DE1' })],
  ['listTaxIds', 'get', '/tax_ids', (c) => c.customers.listTaxIds(CUS)],
  ['retrieveTaxId', 'get', '/tax_ids/txi_1', (c) => c.customers.retrieveTaxId(CUS, 'txi_1')],
  ['deleteTaxId', 'delete', '/tax_ids/txi_1', (c) => c.customers.deleteTaxId(CUS, 'txi_1')],
  [
    'createBalanceTransaction',
    'post',
    '/balance_transactions',
    (c) => c.customers.createBalanceTransaction(CUS, { amount: 100, currency: 'usd' }),
  ],
  ['listBalanceTransactions', 'get', '/balance_transactions', (c) => c.customers.listBalanceTransactions(CUS)],
  [
    'retrieveBalanceTransaction',
    'get',
    '/balance_transactions/cbtxn_1',
    (c) => c.customers.retrieveBalanceTransaction(CUS, 'cbtxn_1'),
  ],
  [
    'updateBalanceTransaction',
    'post',
    '/balance_transactions/cbtxn_1',
    (c) => c.customers.updateBalanceTransaction(CUS, 'cbtxn_1', { description: 'x' }),
  ],
  ['deleteDiscount', 'delete', '/discount', (c) => c.customers.deleteDiscount(CUS)],
  ['retrieveCashBalance', 'get', '/cash_balance', (c) => c.customers.retrieveCashBalance(CUS)],
  ['updateCashBalance', 'post', '/cash_balance', (c) => c.customers.updateCashBalance(CUS, {})],
];

describe('errors', () => {
  it.each(calls)('%s maps a 404 to StripeNotFoundError', async (_, method, suffix, run) => {
    const error = { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_x'", param: 'customer' };
    server.use(
      http[method](`${STRIPE}/v1/customers/${CUS}${suffix}`, () =>
        stripeJson({ error }, 404, { 'Request-Id': 'req_missing' }),
      ),
    );
    const thrown = await run(client).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeNotFoundError);
    const notFound = thrown as StripeNotFoundError;
    expect(notFound.statusCode).toBe(404);
    expect(notFound.code).toBe('resource_missing');
    expect(notFound.requestId).toBe('req_missing');
  });
});

describe('headers and retries', () => {
  it.each(calls)('%s sends an Idempotency-Key exactly when it is a POST, and per-request options', async (_, method, suffix, run) => {
    const seen: Request[] = [];
    server.use(
      http.all(`${STRIPE}/*`, ({ request }) => {
        seen.push(request);
        return stripeJson({ error: { type: 'invalid_request_error', message: 'stop here' } }, 400);
      }),
    );
    const scoped = client.withOptions({ stripeAccount: 'acct_1032D82eZvKYlo2C' });
    await run(scoped).catch(() => undefined);
    const request = only(seen);
    expect(request.method).toBe(method.toUpperCase());
    expect(pathname(request)).toBe(`/v1/customers/${CUS}${suffix}`);
    expect(request.headers.get('stripe-account')).toBe('acct_1032D82eZvKYlo2C');
    expect(request.headers.get('authorization')).toBe('Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc');
    const key = request.headers.get('idempotency-key');
    if (method === 'post') expect(key).toMatch(/^[0-9a-f-]{36}$/);
    else expect(key).toBeNull();
  });

  it('a retried createBalanceTransaction reuses its Idempotency-Key, so the credit is applied once', async () => {
    const retrying = createClient({ apiKey: 'sk_test_123', clock: fakeClock(), random: () => 0.5 });
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${STRIPE}/v1/customers/:customer/balance_transactions`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1
          ? stripeJson({ error: { type: 'api_error', message: 'try again' } }, 500)
          : stripeJson(balanceTransactionJson());
      }),
    );
    const transaction = await retrying.customers.createBalanceTransaction(CUS, { amount: -500, currency: 'usd' });
    expect(transaction.id).toBe('cbtxn_1MrUfz2eZvKYlo2CyBxOR3ns');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });
});
