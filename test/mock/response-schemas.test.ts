import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { encodeForm, operations } from '../../src/index.js';
import { zodIssues } from '../../src/validation/validate.js';
import { createMockCore, type CustomersMockCore } from '../../src/mock/core.js';
import { arbitraryFromSchema } from '../support/arbitrary-from-schema.js';

type OperationId = keyof typeof operations;

const EXPAND_ALL = ['cash_balance', 'default_source', 'discount', 'invoice_settings.default_payment_method', 'sources', 'subscriptions', 'tax', 'tax_ids', 'test_clock'];
const FULL_PROFILE = {
  email: 'jenny@example.com',
  name: 'Jenny Rosen',
  phone: '+15555550100',
  description: 'VIP',
  balance: -500,
  next_invoice_sequence: 7,
  invoice_prefix: 'JENNY1',
  preferred_locales: ['fr', 'en'],
  tax_exempt: 'reverse' as const,
  metadata: { app_user_id: 'u_42' },
  address: { line1: '10 Rue de Rivoli', city: 'Paris', postal_code: '75001', country: 'FR' },
  shipping: { name: 'Jenny Rosen', phone: '+33123456789', address: { city: 'Lyon', country: 'FR' } },
  invoice_settings: { custom_fields: [{ name: 'VAT', value: 'FR123' }], footer: 'Merci', rendering_options: { amount_tax_display: 'exclude_tax' as const }, default_payment_method: 'pm_123' },
  cash_balance: { settings: { reconciliation_mode: 'manual' as const } },
  tax: { ip_address: '203.0.113.7' },
};

type Sent = Awaited<ReturnType<typeof send>>;

/** Sends one request to the core handler: params go in the body for POST, in the query otherwise. */
async function send(mock: CustomersMockCore, op: OperationId, ids: Record<string, string> = {}, params: object = {}) {
  const { method, path } = operations[op];
  const url = new URL(`https://api.stripe.com${path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '')}`);
  const form = encodeForm(params);
  if (method !== 'post') url.search = form;
  const init: RequestInit = { method: method.toUpperCase(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  if (method === 'post') init.body = form;
  const response = await mock.handle(new Request(url, init));
  return { op, status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Checks a response against the operation's response schema (2xx) or error schema (otherwise). */
function expectValid({ op, status, body }: Sent): void {
  const schema = (status < 300 ? operations[op].responseSchema : operations[op].errorSchema) as $ZodType;
  const problems = zodIssues(schema, body).map((i) => `${i.field}: ${i.message}`);
  expect(problems, `${op} ${status}: ${JSON.stringify(body)}`).toEqual([]);
}

const DISCOUNT = {
  id: 'di_1',
  object: 'discount',
  coupon: { id: 'SUMMER', object: 'coupon', created: 1_700_000_000, duration: 'forever', livemode: false, percent_off: 10, times_redeemed: 1, valid: true },
  customer: 'cus_discounted',
  start: 1_700_000_000,
  end: null,
} as const;

/** Success and error responses of every operation, against one mock. */
async function everyOperation(): Promise<Sent[]> {
  const mock = createMockCore();
  mock.seed([{ id: 'cus_discounted', discount: DISCOUNT }]);
  const missing = { customer: 'cus_missing' };
  const created = await send(mock, 'PostCustomers', {}, { ...FULL_PROFILE, test_clock: 'clock_1', tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }, { type: 'us_ein', value: '12-3456789' }], expand: EXPAND_ALL });
  const customer = created.body.id as string;
  const own = { customer };
  const other = (await send(mock, 'PostCustomers', {}, { email: 'b@example.com' })).body.id as string;
  const taxId = await send(mock, 'PostCustomersCustomerTaxIds', own, { type: 'gb_vat', value: 'GB123456789', expand: ['customer'] });
  const credit = await send(mock, 'PostCustomersCustomerBalanceTransactions', own, { amount: -500, currency: 'EUR', description: 'Goodwill', metadata: { ticket: 'T-1' }, expand: ['customer'] });
  const transaction = { ...own, transaction: credit.body.id as string };
  const card = await send(mock, 'PostCustomersCustomerSources', own, { source: 'tok_visa', expand: ['customer'] });
  const responses = [
    card,
    created,
    taxId,
    credit,
    await send(mock, 'PostCustomers', {}, {}),
    await send(mock, 'PostCustomers', {}, { email: 'not-an-email' }),
    await send(mock, 'GetCustomersCustomer', own),
    await send(mock, 'GetCustomersCustomer', own, { expand: EXPAND_ALL }),
    await send(mock, 'GetCustomersCustomer', missing),
    await send(mock, 'PostCustomersCustomer', own, { ...FULL_PROFILE, default_source: card.body.id, expand: EXPAND_ALL }),
    await send(mock, 'PostCustomersCustomer', own, { address: '', shipping: '', metadata: '', description: '', invoice_settings: { custom_fields: '', rendering_options: '' } }),
    await send(mock, 'PostCustomersCustomer', missing, { name: 'x' }),
    await send(mock, 'GetCustomers', {}, {}),
    await send(mock, 'GetCustomers', {}, { limit: 1, expand: EXPAND_ALL.map((path) => `data.${path}`) }),
    await send(mock, 'GetCustomers', {}, { test_clock: 'clock_1', created: { gte: 0 } }),
    await send(mock, 'GetCustomers', {}, { limit: 1000 }),
    await send(mock, 'GetCustomersSearch', {}, { query: "email~'example'", limit: 1, expand: ['total_count', 'data.tax'] }),
    await send(mock, 'GetCustomersSearch', {}, { query: 'email:' }),
    await send(mock, 'GetCustomersCustomerTaxIds', own, { limit: 1, expand: ['data.customer'] }),
    await send(mock, 'GetCustomersCustomerTaxIds', own, { starting_after: 'txi_missing' }),
    await send(mock, 'GetCustomersCustomerTaxIdsId', { ...own, id: taxId.body.id }, { expand: ['customer'] }),
    await send(mock, 'GetCustomersCustomerTaxIdsId', { ...own, id: 'txi_missing' }),
    await send(mock, 'PostCustomersCustomerTaxIds', missing, { type: 'eu_vat', value: 'DE1' }),
    await send(mock, 'DeleteCustomersCustomerTaxIdsId', { ...own, id: taxId.body.id }),
    await send(mock, 'DeleteCustomersCustomerTaxIdsId', { ...own, id: taxId.body.id }),
    await send(mock, 'PostCustomersCustomerBalanceTransactions', own, { amount: 100, currency: 'usd' }),
    await send(mock, 'GetCustomersCustomerBalanceTransactions', own, { expand: ['data.customer'] }),
    await send(mock, 'GetCustomersCustomerBalanceTransactions', missing),
    await send(mock, 'GetCustomersCustomerBalanceTransactionsTransaction', transaction, { expand: ['customer'] }),
    await send(mock, 'GetCustomersCustomerBalanceTransactionsTransaction', { ...own, transaction: 'cbtxn_missing' }),
    await send(mock, 'PostCustomersCustomerBalanceTransactionsTransaction', transaction, { description: '', metadata: { ticket: '' } }),
    await send(mock, 'PostCustomersCustomerBalanceTransactionsTransaction', { ...own, transaction: 'cbtxn_missing' }, {}),
    await send(mock, 'GetCustomersCustomerCashBalance', own),
    await send(mock, 'GetCustomersCustomerCashBalance', missing),
    await send(mock, 'PostCustomersCustomerCashBalance', own, { settings: { reconciliation_mode: 'merchant_default' } }),
    await send(mock, 'PostCustomersCustomerCashBalance', own, { expand: ['settings'] }),
    await send(mock, 'DeleteCustomersCustomerDiscount', { customer: 'cus_discounted' }),
    await send(mock, 'DeleteCustomersCustomerDiscount', { customer: 'cus_discounted' }),
    await send(mock, 'DeleteCustomersCustomer', { customer: other }),
    await send(mock, 'DeleteCustomersCustomer', { customer: other }),
    await send(mock, 'GetCustomersCustomer', { customer: other }),
  ];
  mock.faults.failNext(1, { status: 503 });
  responses.push(await send(mock, 'GetCustomers'));
  responses.push(await send(createMockCore({ requireApiKey: true }), 'GetCustomers'));
  return responses;
}


/** Params an operation cannot succeed without; every other operation succeeds with none. */
const REQUIRED_PARAMS: Partial<Record<OperationId, object>> = {
  GetCustomersSearch: { query: "email:'jenny@example.com'" },
  PostCustomersCustomerBalanceTransactions: { amount: 100, currency: 'usd' },
  PostCustomersCustomerTaxIds: { type: 'eu_vat', value: 'DE123456789' },
  PostCustomersCustomerSources: { source: 'tok_visa' },
  PostCustomersCustomerCards: { source: 'tok_visa' },
  PostCustomersCustomerBankAccounts: { source: 'btok_us' },
  PostCustomersCustomerSourcesIdVerify: { amounts: [32, 45] },
  PostCustomersCustomerBankAccountsIdVerify: { amounts: [32, 45] },
  PostCustomersCustomerFundingInstructions: { bank_transfer: { type: 'eu_bank_transfer', eu_bank_transfer: { country: 'DE' } }, currency: 'eur', funding_type: 'bank_transfer' },
};

/**
 * A mock holding one customer that owns one of everything, and the id to put in each path param,
 * keyed by the path segment before it (`/cards/{id}` takes the card): the same rule for every
 * operation in the table.
 */
async function world(): Promise<{ mock: CustomersMockCore; idAfter: Record<string, string> }> {
  const mock = createMockCore();
  const [seeded] = mock.seed([{ email: 'jenny@example.com', discount: { ...DISCOUNT, customer: null } }]);
  const customer = seeded!.id;
  const own = { customer };
  const card = (await send(mock, 'PostCustomersCustomerSources', own, { source: 'tok_visa' })).body.id as string;
  const bank = (await send(mock, 'PostCustomersCustomerSources', own, { source: 'btok_us' })).body.id as string;
  const taxId = (await send(mock, 'PostCustomersCustomerTaxIds', own, { type: 'eu_vat', value: 'DE123456789' })).body.id as string;
  const credit = (await send(mock, 'PostCustomersCustomerBalanceTransactions', own, { amount: 100, currency: 'usd' })).body.id as string;
  const [method] = mock.seedPaymentMethods(customer, [{}]);
  const [cash] = mock.seedCashBalanceTransactions(customer, [{ net_amount: 5000 }]);
  const idAfter = {
    customers: customer,
    sources: card,
    cards: card,
    bank_accounts: bank,
    tax_ids: taxId,
    balance_transactions: credit,
    cash_balance_transactions: cash!.id,
    payment_methods: method!.id,
    subscriptions: 'sub_123',
  };
  return { mock, idAfter };
}

/** The path ids of `op` in `world`; a verify takes the bank account, whichever path it is under. */
function idsFor(op: OperationId, idAfter: Record<string, string>): Record<string, string> {
  const { path, pathParams } = operations[op];
  const segments = path.split('/');
  const ids = Object.fromEntries(pathParams.map((name) => [name, idAfter[segments[segments.indexOf(`{${name}}`) - 1]!]!]));
  if (path.endsWith('/verify')) ids.id = idAfter.bank_accounts!;
  return ids;
}

/** For every operation in the table: a success in a fresh world, and Stripe's 404 for a customer that does not exist. */
async function tableCases(): Promise<{ success: Sent; missing?: Sent }[]> {
  const cases = [];
  for (const op of Object.keys(operations) as OperationId[]) {
    const { mock, idAfter } = await world();
    const ids = idsFor(op, idAfter);
    const success = await send(mock, op, ids, REQUIRED_PARAMS[op]);
    const missing = ids.customer ? await send(mock, op, { ...ids, customer: 'cus_missing' }, REQUIRED_PARAMS[op]) : undefined;
    cases.push({ success, ...(missing ? { missing } : {}) });
  }
  return cases;
}

describe('every response of every operation validates against that operation\'s generated schema', () => {
  it('for success and error responses of every operation in the generated table', async () => {
    const table = await tableCases();
    // Built the same way for every operation, so each must succeed, and miss a missing customer.
    for (const { success, missing } of table) {
      expect(success.status, `${success.op}: ${JSON.stringify(success.body)}`).toBe(200);
      if (missing) expect([missing.status, missing.body.error?.message], missing.op).toEqual([404, "No such customer: 'cus_missing'"]);
    }
    const responses = [...(await everyOperation()), ...table.flatMap(({ success, missing }) => (missing ? [success, missing] : [success]))];
    // Every operation in the generated table is covered both ways, so a new operation fails here.
    for (const op of Object.keys(operations) as OperationId[]) {
      expect(responses.some((r) => r.op === op && r.status === 200), `${op} has a success case`).toBe(true);
      expect(responses.some((r) => r.op === op && r.status >= 400), `${op} has an error case`).toBe(true);
    }
    for (const response of responses) expectValid(response);
  });

  it('for any params the request schema accepts, on every POST operation (property)', async () => {
    const { mock, idAfter } = await world();
    // Params the mock must refuse (unknown coupons, tokens and expand paths, emails that are not
    // addresses, a param of the other kind of source) are left out or fixed, so most runs reach
    // the success path; the rest must still be valid errors.
    const tame = (params: unknown) => ({ ...(params as object), email: undefined, coupon: undefined, promotion_code: undefined, expand: undefined, invoice_prefix: undefined });
    const noCard = { address_city: undefined, address_country: undefined, address_line1: undefined, address_line2: undefined, address_state: undefined, address_zip: undefined, name: undefined };
    const token = { source: 'tok_visa', card: undefined, bank_account: undefined, alipay_account: undefined };
    const fixes: Partial<Record<OperationId, object>> = {
      PostCustomers: { source: undefined },
      PostCustomersCustomer: { source: undefined, default_source: undefined },
      PostCustomersCustomerBalanceTransactions: { currency: 'eur' },
      PostCustomersCustomerSources: token,
      PostCustomersCustomerCards: token,
      PostCustomersCustomerBankAccounts: token,
      PostCustomersCustomerSourcesId: { account_holder_name: undefined, account_holder_type: undefined, owner: undefined, exp_month: undefined, exp_year: undefined },
      PostCustomersCustomerCardsId: { account_holder_name: undefined, account_holder_type: undefined, owner: undefined, exp_month: undefined, exp_year: undefined },
      PostCustomersCustomerBankAccountsId: { ...noCard, owner: undefined, exp_month: undefined, exp_year: undefined },
      PostCustomersCustomerSourcesIdVerify: { amounts: [32, 45] },
      PostCustomersCustomerBankAccountsIdVerify: { amounts: [32, 45] },
    };
    const freshBank = async () => (await send(mock, 'PostCustomersCustomerBankAccounts', { customer: idAfter.customers! }, { source: 'btok_us' })).body.id as string;
    const posts = (Object.keys(operations) as OperationId[]).filter((op) => operations[op].bodySchema);
    let successes = 0;
    for (const op of posts) {
      await fc.assert(
        fc.asyncProperty(arbitraryFromSchema(operations[op].bodySchema as $ZodType).map(tame), async (params) => {
          // A bank account verifies once, so each verify run gets a new one.
          const ids = { ...idsFor(op, idAfter), ...(operations[op].path.endsWith('/verify') ? { id: await freshBank() } : {}) };
          const response = await send(mock, op, ids, { ...params, ...fixes[op] });
          // A 500 is a mistake in the mock, even though its envelope is valid.
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
          expectValid(response);
          successes += Number(response.status === 200);
        }),
        { numRuns: 50 },
      );
    }
    expect(successes).toBeGreaterThan(posts.length * 40);
  });
});
